package org.hotline.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hotline.systemtest.HotlineSystem.Instance;
import org.hotline.systemtest.HotlineSystem.Part;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The alert rules of deploy/monitoring on a real Prometheus scraping the real services ({@link PrometheusServer}, its
 * clock 60 times faster than production's): each condition operators must see is caused on a running system, its
 * alert fires, the condition is removed and the alert resolves. Quiet first: a healthy system fires nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertsIT {

    private static final Logger log = LoggerFactory.getLogger(AlertsIT.class);
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000, 36);
    private static final String CASE_STATUS = "case.status.v1";
    /**
     * Alerts none of which may fire on a healthy system. Not the latency objective: the first complaints after a cold
     * start of every service on two cores may truly be slow.
     */
    private static final List<String> QUIET_WHEN_HEALTHY = List.of("HotlineServiceDown", "HotlineServiceMissing",
            "HotlineDeadLetters", "HotlineNotificationFailures", "HotlineSmtpUnavailable",
            "HotlineNotificationBacklogFull", "HotlineConsumerLagGrowing", "HotlineConsumerStuck", "HotlineBodiesOverdue",
            "HotlineEscalationExhausted");

    private static HotlineSystem system;
    private static PrometheusServer prometheus;
    private static Intake intake;
    private static final List<Intake.Submission> healthy = new ArrayList<>();
    private static final Set<String> poisoned = new HashSet<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void deploy() {
        system = HotlineSystem.start();
        prometheus = PrometheusServer.start(system);
        intake = new Intake(system.intakes());
    }

    @AfterAll
    static void undeploy() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(0)
    void everyRuleLoadsAndNoneOfTheCausedAlertsFiresWhileTheSystemIsHealthy() {
        // given every instance scraped, and complaints flowing through to their emails
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(prometheus.targets()).hasSize(system.services().size()).allSatisfy((instance, health) ->
                        assertThat(health).as(instance).isEqualTo("up")));
        healthy.addAll(intake.submitAll(Complaints.of(RUN + "-healthy", 6), 2));
        assertThat(healthy).allMatch(Intake.Submission::accepted);
        new Invariants(system).assertKept(healthy, Set.of(), Duration.ofMinutes(3));

        // when the rules have evaluated for longer than any of their compressed windows
        HotlineSystem.hold(Duration.ofSeconds(20));

        // then all of them are loaded, and none of the conditions the tests below cause is seen
        assertThat(prometheus.rules()).as("rules loaded").isEqualTo(deployedRules());
        assertThat(prometheus.alerts()).as("alerts on a healthy system, its scrapes %s", prometheus.targets())
                .noneMatch(alert -> QUIET_WHEN_HEALTHY.contains(alert.name()));
    }

    @Test
    @Order(1)
    void bodiesSilentPastTheirDeadlineFireBodiesOverdueUntilACaseworkerRecordsTheirAnswers() {
        // given the healthy complaints told to their bodies, as the case service knows
        Topics topics = new Topics(system.bootstrapServers());
        Set<String> references = healthy.stream().map(Intake.Submission::reference).collect(Collectors.toSet());
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> assignments(topics, references).values().stream().allMatch(bodies ->
                        !bodies.isEmpty()));

        // when five days pass with no word from any body (acknowledgement is due within three working days)
        Part.CASE.all().forEach(instance -> system.advanceClock(instance, "5d"));

        // then the bodies are overdue, by type and region
        awaitFiring("HotlineBodiesOverdue", Duration.ofMinutes(3));
        assertThat(prometheus.firing("HotlineBodiesOverdue")).allSatisfy(alert ->
                assertThat(alert.labels()).containsKeys("authority_type", "region"));

        // and when a caseworker records each body's acknowledgement and answer, which came by post
        assignments(topics, references).forEach((reference, bodies) -> bodies.forEach(body -> {
            record(reference, body, "acknowledgement", "{\"registrationNumber\": \"ВХ-" + RUN + "\"}");
            record(reference, body, "answer", "{\"outcome\": \"ACCEPTED_FOR_CONSIDERATION\"}");
        }));

        // then the alert resolves with the next checks
        awaitResolved("HotlineBodiesOverdue", Duration.ofMinutes(2));
    }

    @Test
    @Order(2)
    void poisonRecordsFireDeadLettersForRoutingAndNotificationUntilTheirWindowPasses() throws Exception {
        // when each consuming service gets a record it cannot read
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (String topic : List.of(Topics.RECEIVED, Topics.ROUTED)) {
                String key = UUID.randomUUID().toString();
                poisoned.add(key);
                producer.send(new ProducerRecord<>(topic, key,
                        "{\"eventType\": not json".getBytes(StandardCharsets.UTF_8))).get();
            }
        }

        // then each is seen, by service
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(prometheus.firing("HotlineDeadLetters")).extracting(alert -> alert.labels().get("job"))
                        .contains("routing-service", "notification-service"));
        // and the alert ends once no dead letter came for its window (15 minutes in production)
        awaitResolved("HotlineDeadLetters", Duration.ofMinutes(2));
    }

    @Test
    @Order(3)
    void aKilledInstanceFiresServiceDownUntilItRunsAgain() {
        Instance routing = Part.ROUTING.instance(2);

        // when one instance dies
        system.kill(routing);

        // then it is named
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(prometheus.firing("HotlineServiceDown")).extracting(alert ->
                        alert.labels().get("hotline_instance")).containsExactly(routing.name()));

        // and when it runs again, the alert resolves
        system.restart(routing);
        awaitResolved("HotlineServiceDown", Duration.ofMinutes(1));
    }

    @Test
    @Order(4)
    void aSilentSmtpServerIsSeenWithItsBacklogAndStuckConsumerThenTheLateEmailsAndEachResolvesOnceMailFlows() {
        // given the SMTP server gone
        Instance mail = Part.MAIL.single();
        system.stopGracefully(mail);

        // when a burst of complaints comes: about five emails each, none of which can leave
        List<Intake.Submission> burst = intake.submitAll(Complaints.of(RUN + "-silent-smtp", 400), 8);
        assertThat(burst).allMatch(Intake.Submission::accepted);

        // then the silence is seen, the backlog it leaves in a notification instance, and its consumer group stuck
        // behind the rest of the burst, which waits in Kafka
        awaitFiring("HotlineSmtpUnavailable", Duration.ofMinutes(2));
        awaitFiring("HotlineNotificationBacklogFull", Duration.ofMinutes(3));
        awaitFiring("HotlineConsumerStuck", Duration.ofMinutes(2));
        assertThat(prometheus.firing("HotlineConsumerStuck")).extracting(alert -> alert.labels().get("group"))
                .contains("notification-service");

        // and when the server answers again, all three end as the backlog drains
        system.restart(mail);
        awaitResolved("HotlineSmtpUnavailable", Duration.ofMinutes(2));
        awaitResolved("HotlineNotificationBacklogFull", Duration.ofMinutes(3));
        awaitResolved("HotlineConsumerStuck", Duration.ofMinutes(3));
        // while the emails that waited make the end-to-end latency objective fail, until they are all out
        awaitFiring("HotlineEndToEndLatencyHigh", Duration.ofMinutes(2));
        Invariants.Report kept = new Invariants(system).assertKept(burst, poisoned, Duration.ofMinutes(5));
        awaitResolved("HotlineEndToEndLatencyHigh", Duration.ofMinutes(2));
        log.info("after the SMTP outage: {}", kept);
    }

    private static int deployedRules() {
        try {
            String rules = java.nio.file.Files.readString(system.root().resolve("deploy/monitoring/alerts.yml"));
            return (int) rules.lines().filter(line -> line.strip().startsWith("- alert:")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitFiring(String alert, Duration within) {
        long started = System.nanoTime();
        try {
            await(alert + " firing").atMost(within).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !prometheus.firing(alert).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(alert + " did not fire within " + within + "; active alerts: "
                    + prometheus.alerts(), e);
        }
        log.info("{} firing after {} s: {}", alert, (System.nanoTime() - started) / 1_000_000_000,
                prometheus.firing(alert));
    }

    private static void awaitResolved(String alert, Duration within) {
        long started = System.nanoTime();
        await(alert + " resolved").atMost(within).pollInterval(Duration.ofSeconds(1))
                .until(() -> prometheus.alerts().stream().noneMatch(active -> active.name().equals(alert)));
        log.info("{} resolved after {} s", alert, (System.nanoTime() - started) / 1_000_000_000);
    }

    /** The bodies each complaint was routed to, by reference, from the case service's latest status. */
    private static Map<String, List<String>> assignments(Topics topics, Set<String> references) {
        Map<String, JsonNode> latest = new HashMap<>();
        topics.readAll(CASE_STATUS).forEach(record -> {
            if (record.json() != null && references.contains(record.key())) {
                latest.put(record.key(), record.json());
            }
        });
        Map<String, List<String>> bodies = new HashMap<>();
        for (String reference : references) {
            List<String> told = new ArrayList<>();
            JsonNode file = latest.get(reference);
            if (file != null) {
                for (JsonNode body : file.path("assignments")) {
                    if (!body.hasNonNull("notifiedAt")) {
                        return Map.of(reference, List.of());
                    }
                    told.add(body.path("authorityId").asString());
                }
            }
            bodies.put(reference, told);
        }
        return bodies;
    }

    /** What a caseworker records on the case service's endpoint, as the dev profile's staff account. */
    private void record(String reference, String authorityId, String what, String body) {
        URI endpoint = system.api(Part.CASE.instance(1)).resolve("/api/v1/cases/" + reference + "/assignments/"
                + authorityId + "/" + what);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "dev-staff:dev-staff-password".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s of %s at %s: %s", what, reference, authorityId, response.body())
                    .isEqualTo(202);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }
}
