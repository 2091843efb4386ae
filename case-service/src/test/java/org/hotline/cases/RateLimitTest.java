package org.hotline.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The public POSTs' rate limits through the whole filter chain of the running application, without a broker (the
 * streams do not start, so a status request that gets through is answered 503, never 429).
 */
class RateLimitTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String STATUS_BODY = "{\"reference\": \"HL-7F3K-9QX2-ABCD\", "
            + "\"trackingCode\": \"AAAA-BBBB-CCCC-DDDD\"}";

    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void start() throws IOException {
        service = new SpringApplicationBuilder(CaseApplication.class).run(
                "--spring.profiles.active=test", "--server.port=0", "--management.server.port=0",
                "--spring.kafka.bootstrap-servers=localhost:1", "--spring.kafka.streams.auto-startup=false",
                "--spring.kafka.admin.auto-create=false",
                "--spring.kafka.streams.state-dir=" + Files.createTempDirectory("case-service-rate-limit"),
                "--hotline.cases.status.rate-limit.enabled=true",
                "--hotline.cases.acknowledgement.rate-limit.enabled=true",
                // A token every 2 minutes instead of every 2 seconds: the first refused pages render slowly.
                "--hotline.cases.acknowledgement.rate-limit.per-client.period=1h");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void refusesTheEleventhStatusRequestOfAMinuteFromOneAddressWithRetryAfterAndAProblem() throws Exception {
        List<Integer> firstTen = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            firstTen.add(post("/api/v1/complaints/status", "application/json", STATUS_BODY).statusCode());
        }

        HttpResponse<String> eleventh = post("/api/v1/complaints/status", "application/json", STATUS_BODY);

        assertThat(firstTen).as("looked up, though the case files are still loading").containsOnly(503);
        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(eleventh.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 6));
        assertThat(eleventh.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(eleventh.body()).contains("\"type\":\"urn:hotline:problem:too-many-requests\"",
                "\"status\":429", "\"limit\":\"client\"", "Nothing was looked up.")
                .doesNotContain("HL-7F3K-9QX2-ABCD", "AAAA-BBBB-CCCC-DDDD");
        assertThat(post("/api/v1/complaints/status", "application/json", "{not json").statusCode())
                .as("refused before its body is read").isEqualTo(429);

        // the status page's form shares the buckets, and a person gets a page, not JSON
        HttpResponse<String> page = post("/status", "application/x-www-form-urlencoded",
                "reference=HL-7F3K-9QX2-ABCD&trackingCode=AAAA-BBBB-CCCC-DDDD&lang=en");
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("Too many attempts", "Слишком много попыток", "Тым көп әрекет",
                "try again in " + page.headers().firstValue("Retry-After").orElseThrow() + " s")
                .doesNotContain("HL-7F3K-9QX2-ABCD", "AAAA-BBBB-CCCC-DDDD", "{seconds}");
    }

    @Test
    void refusesAnAcknowledgementOverTheBurstFromOneAddress() throws Exception {
        List<Integer> firstTen = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            firstTen.add(post("/ack/not-a-token", "application/x-www-form-urlencoded", "registrationNumber=1")
                    .statusCode());
        }

        HttpResponse<String> eleventh = post("/ack/not-a-token", "application/x-www-form-urlencoded",
                "registrationNumber=1");

        assertThat(firstTen).doesNotContain(429);
        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.headers().firstValue("Retry-After")).isPresent();
        assertThat(eleventh.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(eleventh.body()).contains("Too many attempts", "Слишком много попыток", "Тым көп әрекет");
    }

    private static HttpResponse<String> post(String path, String contentType, String body)
            throws IOException, InterruptedException {
        String url = "http://localhost:" + service.getEnvironment().getRequiredProperty("local.server.port") + path;
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
