package org.hotline.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The dev profile's simulated clock, moved on the management port; without a broker (the streams do not start). */
class DevClockEndpointTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void movesTheServicesClockForwardOnTheManagementPort() throws IOException, InterruptedException {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(CaseApplication.class).run(
                // The dev profile's settings live beside the local stack, not in the jar.
                "--spring.profiles.active=dev",
                "--spring.config.additional-location=file:../deploy/dev-config/case-service/", "--server.port=0", "--management.server.port=0",
                "--spring.kafka.bootstrap-servers=localhost:1", "--spring.kafka.streams.auto-startup=false",
                "--spring.kafka.admin.auto-create=false",
                "--spring.kafka.streams.state-dir=" + Files.createTempDirectory("case-service-dev-clock"),
                "--hotline.cases.dev-clock.offset=20d")) {
            Clock clock = service.getBean(Clock.class);
            assertThat(clock.instant()).isAfter(Instant.now().plus(Duration.ofDays(19)));
            String url = "http://localhost:" + service.getEnvironment().getRequiredProperty("local.management.port")
                    + "/actuator/devclock";

            HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"by\": \"3d\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> moved = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "dev-ops:dev-ops-password".getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"by\": \"3d\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(anonymous.statusCode()).as("without the ops role").isEqualTo(401);
            assertThat(moved.statusCode()).isEqualTo(200);
            assertThat(moved.body()).contains("\"offset\":\"PT552H\"");
            assertThat(clock.instant()).isAfter(Instant.now().plus(Duration.ofDays(22)));
        }
    }
}
