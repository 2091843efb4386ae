package org.hotline.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committer's transactions: ready before the first request, and shared by requests that arrive together, each of
 * whose complaints lands once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GroupCommitIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String IDEMPOTENCY = "intake.idempotency.v1";

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext intake;

    @BeforeAll
    static void start() {
        broker = IntakeHarness.startBroker();
        // A linger long enough that a burst fired at once meets in the committer even on a busy machine.
        intake = IntakeHarness.startIntake(broker, "hotline.intake.group-commit.linger=300ms");
    }

    @AfterAll
    static void stop() {
        intake.close();
        broker.destroy();
    }

    @Test
    @Order(1)
    void aReadyIntakeHasRegisteredItsTransactionalProducerBeforeItsFirstRequest() {
        // given the intake started, ready (IntakeHarness waits for the readiness probe), no request sent yet
        MeterRegistry registry = intake.getBean(MeterRegistry.class);

        // when, then: the producer exists and its transactional id is registered (Kafka's client counts the time
        // initTransactions took), so the first complaint does not wait for either
        assertThat(registry.find("hotline.intake.transaction.complaints").summaries())
                .as("transactions with complaints so far").allSatisfy(summary ->
                        assertThat(summary.count()).isZero());
        assertThat(registry.find("kafka.producer.txn.init.time.ns.total").functionCounters())
                .as("the transactional producers' initialisation").isNotEmpty()
                .allSatisfy(initialised -> assertThat(initialised.count()).isPositive());
    }

    @Test
    @Order(2)
    void concurrentRequestsShareTransactionsAndEachComplaintIsOnTheTopicExactlyOnce() throws Exception {
        List<String[]> burst = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            burst.add(new String[0]);
        }
        for (int i = 0; i < 6; i++) {
            burst.add(new String[] {"Idempotency-Key", "burst-" + i});
        }
        burst.add(new String[] {"Idempotency-Key", "burst-twice"});
        burst.add(new String[] {"Idempotency-Key", "burst-twice"});

        List<HttpResponse<String>> responses = postAllAtOnce(burst);

        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).as(response.body())
                .isEqualTo(202));
        List<String> complaintIds = responses.stream()
                .map(response -> JSON.readTree(response.body()).get("complaintId").stringValue()).toList();
        JsonNode twiceFirst = JSON.readTree(responses.get(22).body());
        JsonNode twiceSecond = JSON.readTree(responses.get(23).body());
        assertThat(twiceSecond).as("two concurrent requests with one key get one receipt").isEqualTo(twiceFirst);
        List<String> distinctIds = complaintIds.stream().distinct().toList();
        assertThat(distinctIds).hasSize(23);

        assertThat(IntakeHarness.readCommittedIncluding(broker, IntakeHarness.COMPLAINTS, distinctIds))
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(distinctIds);
        assertThat(IntakeHarness.readCommittedIncluding(broker, IDEMPOTENCY, complaintIds.subList(16, 23)))
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(complaintIds.subList(16, 23));

        DistributionSummary perTransaction = intake.getBean(MeterRegistry.class)
                .get("hotline.intake.transaction.complaints").tag("outcome", "committed").summary();
        assertThat(perTransaction.totalAmount()).as("complaints committed").isEqualTo(23);
        assertThat(perTransaction.count()).as("transactions").isLessThan(23);
        assertThat(perTransaction.max()).as("complaints in the largest transaction").isGreaterThan(1);
    }

    private static List<HttpResponse<String>> postAllAtOnce(List<String[]> headers) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(headers.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<CompletableFuture<HttpResponse<String>>> sent = headers.stream()
                    .map(header -> CompletableFuture.supplyAsync(() -> {
                        awaitQuietly(go);
                        return IntakeHarness.postJson(intake, Requests.KOSTANAY_SCHOOL, header);
                    }, clients))
                    .toList();
            go.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> response : sent) {
                responses.add(response.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            clients.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
