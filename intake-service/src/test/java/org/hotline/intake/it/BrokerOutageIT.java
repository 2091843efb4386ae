package org.hotline.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
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
 * topic, or an error for one that never appears there, not even later; a transaction shared by several
 * requests fails for all of them at once.
 */
class BrokerOutageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration BOUND = Duration.ofSeconds(25);

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext intake;

    @BeforeAll
    static void start() {
        broker = IntakeHarness.startBroker();
        // The linger makes the requests sent together during the outage meet in one transaction.
        intake = IntakeHarness.startIntake(broker,
                "spring.kafka.producer.properties.transaction.timeout.ms=10000",
                "hotline.intake.group-commit.linger=300ms");
    }

    @AfterAll
    static void stop() {
        intake.close();
        broker.destroy();
    }

    @Test
    void answers503ToEveryRequestOfATransactionThatCannotCommitAndNothingOfThemAppearsAfterTheBrokerReturns()
            throws Exception {
        String before = receipt(IntakeHarness.postJson(intake, Requests.ALMATY_ANALYST)).get("complaintId")
                .stringValue();
        BrokerServer server = broker.getCluster().brokers().values().iterator().next();
        server.shutdown();
        server.awaitShutdown();

        Instant asked = Instant.now();
        List<HttpResponse<String>> during = postAllAtOnce(List.of(new String[0], new String[0], new String[0],
                new String[] {"Idempotency-Key", "outage-1"}, new String[] {"Idempotency-Key", "outage-2"}));
        Duration waited = Duration.between(asked, Instant.now());

        assertThat(during).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(JSON.readTree(response.body()).get("type").stringValue())
                    .isEqualTo("urn:hotline:problem:broker-unavailable");
        });
        assertThat(waited).isLessThan(BOUND);
        DistributionSummary failed = intake.getBean(MeterRegistry.class)
                .get("hotline.intake.transaction.complaints").tag("outcome", "failed").summary();
        assertThat(failed.max()).as("complaints in the largest failed transaction").isGreaterThan(1);

        server.startup();
        broker.getCluster().waitForReadyBrokers();
        Instant restarted = Instant.now();
        JsonNode retried = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> IntakeHarness.postJson(intake, Requests.KOSTANAY_SCHOOL, "Idempotency-Key", "outage-1"),
                        response -> response.statusCode() == 202)
                .body().transform(JSON::readTree);
        String after = receipt(IntakeHarness.postJson(intake, Requests.ALMATY_ANALYST)).get("complaintId")
                .stringValue();

        List<ConsumerRecord<String, byte[]>> records = IntakeHarness.readCommittedIncluding(broker,
                IntakeHarness.COMPLAINTS, List.of(before, retried.get("complaintId").stringValue(), after));
        assertThat(records).extracting(ConsumerRecord::key)
                .containsExactly(before, retried.get("complaintId").stringValue(), after);
        assertThat(Instant.parse(retried.get("receivedAt").stringValue()))
                .as("the retry was accepted after the broker came back, not replayed from the failed attempt")
                .isAfter(restarted);
    }

    private static List<HttpResponse<String>> postAllAtOnce(List<String[]> headers) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(headers.size());
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (String[] header : headers) {
                sent.add(clients.submit(() -> IntakeHarness.postJson(intake, Requests.KOSTANAY_SCHOOL, header)));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : sent) {
                responses.add(response.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            clients.shutdownNow();
        }
    }

    private static JsonNode receipt(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body());
    }
}
