package org.hotline.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Against a real Tomcat: what Tomcat refuses itself, before any servlet, answered as problem JSON. */
class TomcatErrorReportsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static WebServer server;

    @BeforeAll
    static void start() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        new TomcatErrorReports(JSON, DataSize.ofKilobytes(8), List.of("a token at most 64 characters"))
                .customize(factory);
        server = factory.getWebServer();
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ack/%zz", "/ack/a{b}", "/ack/%"})
    void answersARequestLineTomcatCannotReadWithAProblemNotAnHtmlPage(String target) throws IOException {
        String answer = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(head).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
                .containsIgnoringCase("Cache-Control: no-store")
                .containsIgnoringCase("Content-Security-Policy: default-src 'none'; frame-ancestors 'none'");
        assertThat(body).doesNotContain("<html", "Tomcat");
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.get("type").stringValue()).isEqualTo("urn:hotline:problem:request-rejected");
        assertThat(problem.get("status").intValue()).isEqualTo(400);
        assertThat(problem.get("detail").stringValue())
                .contains("all headers together may take 8 KiB; a token at most 64 characters");
    }

    private static String send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
