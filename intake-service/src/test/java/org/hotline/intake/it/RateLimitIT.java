package org.hotline.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.it.IntakeHarness.readCommittedIncluding;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-client and global limits against a real broker. The test's requests all come from 127.0.0.1, made a
 * trusted proxy here, so that {@code X-Forwarded-For} tells clients apart as it does behind an ingress.
 */
class RateLimitIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOPIC = "rate-limit.complaints.received.v1";

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext intake;

    @BeforeAll
    static void start() {
        broker = IntakeHarness.startBroker();
        intake = IntakeHarness.startIntake(broker, "hotline.intake.topics.complaints=" + TOPIC,
                "hotline.intake.rate-limit.enabled=true",
                "hotline.intake.rate-limit.per-client.requests=3",
                "hotline.intake.rate-limit.per-client.period=1h",
                "hotline.intake.rate-limit.per-client.burst=3",
                "hotline.intake.rate-limit.global.requests=5",
                "hotline.intake.rate-limit.global.period=1h",
                "hotline.intake.rate-limit.global.burst=5",
                "hotline.intake.rate-limit.trusted-proxies=127.0.0.1,::1");
    }

    @AfterAll
    static void stop() {
        intake.close();
        broker.destroy();
    }

    @Test
    void refusesAClientOverItsLimitAndThenEveryoneOverTheGlobalOneWithoutPublishingWhatItRefused() {
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = submit("203.0.113.7");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            accepted.add(complaintId(response));
        }

        HttpResponse<String> overClientLimit = submit("203.0.113.7");
        HttpResponse<String> spoofedHop = submit("198.51.100.1, 203.0.113.7");
        HttpResponse<String> otherClient = submit("198.51.100.9");
        accepted.add(complaintId(otherClient));
        HttpResponse<String> thirdClient = submit("192.0.2.44");
        accepted.add(complaintId(thirdClient));
        HttpResponse<String> overGlobalLimit = submit("192.0.2.45");

        assertTooManyRequests(overClientLimit, "client");
        assertTooManyRequests(spoofedHop, "client");
        assertThat(List.of(otherClient, thirdClient)).extracting(HttpResponse::statusCode).containsOnly(202);
        assertTooManyRequests(overGlobalLimit, "global");
        assertThat(readCommittedIncluding(broker, TOPIC, accepted)).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(accepted);
        String metrics = IntakeHarness.getAs("test-ops", "test-ops-password", "http://localhost:"
                + IntakeHarness.managementPort(intake) + "/actuator/prometheus").body();
        assertThat(metrics)
                .contains("hotline_intake_requests_throttled_total{application=\"intake-service\",limit=\"client\"} 2.0")
                .contains("hotline_intake_requests_throttled_total{application=\"intake-service\",limit=\"global\"} 1.0")
                .doesNotContain("203.0.113.7", "198.51.100");
    }

    private static HttpResponse<String> submit(String forwardedFor) {
        return IntakeHarness.postJson(intake, Requests.ALMATY_ANALYST, "Idempotency-Key", "rl-" + UUID.randomUUID(),
                "X-Forwarded-For", forwardedFor);
    }

    private static String complaintId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("complaintId").stringValue();
    }

    private static void assertTooManyRequests(HttpResponse<String> response, String limit) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").stringValue()).isEqualTo("urn:hotline:problem:too-many-requests");
        assertThat(problem.get("status").intValue()).isEqualTo(429);
        assertThat(problem.get("limit").stringValue()).isEqualTo(limit);
        assertThat(response.body()).doesNotContain("203.0.113", "198.51.100", "192.0.2");
    }
}
