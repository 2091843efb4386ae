package org.hotline.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The broker goes away while complaints arrive. A client must see either a 202 for a complaint that is on the
 * topic, or an error for one that never appears there, not even later.
 */
class BrokerOutageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration BOUND = Duration.ofSeconds(25);

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext intake;

    @BeforeAll
    static void start() {
        broker = IntakeHarness.startBroker();
        intake = IntakeHarness.startIntake(broker,
                "spring.kafka.producer.properties.transaction.timeout.ms=10000");
    }

    @AfterAll
    static void stop() {
        intake.close();
        broker.destroy();
    }

    @Test
    void answers503WhileTheBrokerIsDownAndNothingOfThoseRequestsAppearsAfterItReturns() throws Exception {
        String before = receipt(IntakeHarness.postJson(intake, Requests.ALMATY_ANALYST)).get("complaintId")
                .stringValue();
        BrokerServer server = broker.getCluster().brokers().values().iterator().next();
        server.shutdown();
        server.awaitShutdown();

        Instant asked = Instant.now();
        HttpResponse<String> unkeyed = IntakeHarness.postJson(intake, Requests.KOSTANAY_SCHOOL);
        HttpResponse<String> keyed = IntakeHarness.postJson(intake, Requests.KOSTANAY_SCHOOL,
                "Idempotency-Key", "outage-1");
        Duration waited = Duration.between(asked, Instant.now());

        assertThat(unkeyed.statusCode()).as(unkeyed.body()).isEqualTo(503);
        assertThat(keyed.statusCode()).as(keyed.body()).isEqualTo(503);
        assertThat(unkeyed.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(JSON.readTree(unkeyed.body()).get("type").stringValue())
                .isEqualTo("urn:hotline:problem:broker-unavailable");
        assertThat(waited).isLessThan(BOUND.multipliedBy(2));

        server.startup();
        broker.getCluster().waitForReadyBrokers();
        Instant restarted = Instant.now();
        JsonNode retried = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> IntakeHarness.postJson(intake, Requests.KOSTANAY_SCHOOL, "Idempotency-Key", "outage-1"),
                        response -> response.statusCode() == 202)
                .body().transform(JSON::readTree);
        String after = receipt(IntakeHarness.postJson(intake, Requests.ALMATY_ANALYST)).get("complaintId")
                .stringValue();

        List<ConsumerRecord<String, byte[]>> records = IntakeHarness.readCommitted(broker, IntakeHarness.COMPLAINTS);
        assertThat(records).extracting(ConsumerRecord::key)
                .containsExactly(before, retried.get("complaintId").stringValue(), after);
        assertThat(Instant.parse(retried.get("receivedAt").stringValue()))
                .as("the retry was accepted after the broker came back, not replayed from the failed attempt")
                .isAfter(restarted);
    }

    private static JsonNode receipt(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body());
    }
}
