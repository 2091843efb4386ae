package org.hotline.cases.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.awaitility.Awaitility;
import org.hotline.cases.casefile.application.CaseFiles;
import org.hotline.cases.sealing.domain.ComplaintKeys;
import org.hotline.testsupport.Brokers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erasing a complaint (crypto-shredding) against a real broker: on an administrator's request, and by the retention
 * of a closed case. The keys topic is compacted here within seconds (a small segment time and a busy log cleaner),
 * so the test sees what production sees within a day: the key gone from the topic, and every copy of the
 * complaint's sealed fields, on every topic of the broker, opening with no key that is left.
 */
class ErasureIT {

    private static final String KEYS = CaseHarness.KEYS;
    /** Thursday 10 December 2026, 11:00 in Almaty. */
    private static final Instant NOW = Instant.parse("2026-12-10T06:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MutableClock CLOCK = new MutableClock(NOW);

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void start() throws Exception {
        broker = Brokers.start(2, Map.of("log.cleaner.backoff.ms", "200"), CaseHarness.RECEIVED, CaseHarness.ROUTED,
                CaseHarness.OUTCOMES, CaseHarness.AUDIT);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(KEYS, 2, (short) 1).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.SEGMENT_MS_CONFIG, "100",
                    TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01",
                    TopicConfig.DELETE_RETENTION_MS_CONFIG, "100")))).all().get();
        }
        service = CaseHarness.startCaseService(broker, CLOCK, "hotline.cases.erasure.retention.WITHDRAWN=2d",
                "hotline.cases.erasure.check-every=200ms");
    }

    @AfterAll
    static void stop() {
        service.close();
        broker.destroy();
    }

    @Test
    void erasesAComplaintOnAnAdministratorsRequestSoThatNoCopyOfItsSealedFieldsOpensAnyMore() throws Exception {
        // given two complaints sealed under keys of their own, told to their bodies
        CaseEvents erased = told(CaseEvents.withOwnKey(NOW.minus(Duration.ofDays(2))));
        CaseEvents kept = told(CaseEvents.withOwnKey(NOW.minus(Duration.ofDays(2))));
        String ciphertext = erased.sealedComplainant().get("ciphertext");
        List<String> copies = topicsHolding(ciphertext);
        // The events, and the case service's own store of the complainant block (its changelog), hold copies.
        assertThat(copies).contains(CaseHarness.RECEIVED, CaseHarness.ROUTED,
                "case-service-complainant-blocks-changelog");
        assertThat(openWithAnyKeyLeft(erased)).as("opens before the erasure").isTrue();
        assertThat(status(erased).statusCode()).as("the service opened its tracking code with its key").isEqualTo(200);

        // when nobody, a caseworker, and then an administrator ask for the first one's erasure
        String url = api() + "/api/v1/cases/" + erased.reference + "/erasure";
        assertThat(post(url, null).statusCode()).isEqualTo(401);
        assertThat(post(url, "test-staff").statusCode()).isEqualTo(403);
        HttpResponse<String> erasure = post(url, "test-admin");

        // then the administrator's is done, and the topic ends with the key's tombstone, saying why
        assertThat(erasure.statusCode()).isEqualTo(202);
        assertThat(erasure.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode answer = JSON.readTree(erasure.body());
        assertThat(answer.get("complaintId").asString()).isEqualTo(erased.complaintId.toString());
        assertThat(answer.get("keysErased").asInt()).isEqualTo(1);
        ConsumerRecord<String, byte[]> last = Brokers.readCommitted(broker, KEYS).stream()
                .filter(record -> record.key().equals(erased.keyRecordKey())).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(last.value()).isNull();
        assertThat(new String(last.headers().lastHeader("erasure-cause").value(), StandardCharsets.UTF_8))
                .isEqualTo("request");

        // and the service's store forgets the key, and compaction takes it off the topic
        ComplaintKeys keys = service.getBean(ComplaintKeys.class);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> keys.wrappedKeys(erased.complaintId).isEmpty());
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            // A record after the tombstone rolls its segment, which the cleaner then compacts.
            CaseHarness.publish(broker, KEYS, UUID.randomUUID().toString(), null);
            return Brokers.readCommitted(broker, KEYS).stream()
                    .noneMatch(record -> record.key().equals(erased.keyRecordKey()) && record.value() != null);
        });

        // and no copy of its sealed complainant, on any topic, opens with any key left; the other complaint's does
        assertThat(topicsHolding(ciphertext)).containsAll(copies);
        assertThat(openWithAnyKeyLeft(erased)).as("opens after the erasure").isFalse();
        assertThat(openWithAnyKeyLeft(kept)).as("the other complaint's opens").isTrue();
        assertThat(keys.wrappedKeys(kept.complaintId)).isNotEmpty();

        // and what was never sealed stays: the status still answers to the tracking code (its hash was kept)
        assertThat(status(erased).statusCode()).isEqualTo(200);

        // and a second request finds nothing left to erase; an unknown reference is no case
        HttpResponse<String> again = post(url, "test-admin");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("type").asString())
                .isEqualTo("urn:hotline:problem:nothing-to-erase");
        HttpResponse<String> unknown = post(api() + "/api/v1/cases/HL-0000-0000-0001/erasure", "test-admin");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("type").asString())
                .isEqualTo("urn:hotline:problem:case-not-found");
    }

    @Test
    void erasesACaseClosedForAReasonWithARetentionOnceItRunsOutAndNoOtherCase() {
        // given a case closed as withdrawn (kept two days), one closed as resolved (no retention), and an open one
        CaseEvents withdrawn = told(CaseEvents.withOwnKey(NOW.minus(Duration.ofDays(3))));
        CaseEvents resolved = told(CaseEvents.withOwnKey(NOW.minus(Duration.ofDays(3))));
        CaseEvents open = told(CaseEvents.withOwnKey(NOW.minus(Duration.ofDays(3))));
        close(withdrawn, "WITHDRAWN");
        close(resolved, "RESOLVED");
        ComplaintKeys keys = service.getBean(ComplaintKeys.class);
        assertThat(keys.wrappedKeys(withdrawn.complaintId)).as("kept while the retention runs").isNotEmpty();

        // when the retention of the withdrawn case runs out
        CLOCK.set(CLOCK.instant().plus(Duration.ofDays(2)).plusSeconds(1));

        // then its key is erased by the retention check, and no other
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> keys.wrappedKeys(withdrawn.complaintId).isEmpty());
        ConsumerRecord<String, byte[]> last = Brokers.readCommitted(broker, KEYS).stream()
                .filter(record -> record.key().equals(withdrawn.keyRecordKey())).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(new String(last.headers().lastHeader("erasure-cause").value(), StandardCharsets.UTF_8))
                .isEqualTo("retention");
        assertThat(keys.wrappedKeys(resolved.complaintId)).isNotEmpty();
        assertThat(keys.wrappedKeys(open.complaintId)).isNotEmpty();
    }

    /** Publishes the complaint's key as intake does, then its events, and waits for its case file. */
    private static CaseEvents told(CaseEvents complaint) {
        CaseHarness.publish(broker, KEYS, complaint.keyRecordKey(), complaint.keyRecord());
        CaseHarness.publishTold(broker, complaint);
        CaseFiles files = service.getBean(CaseFiles.class);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> files.byReference(complaint.reference).filter(file -> file.decided()).isPresent());
        return complaint;
    }

    private static void close(CaseEvents complaint, String reason) {
        HttpResponse<String> closed = CaseHarness.send(HttpRequest.newBuilder(URI.create(api() + "/api/v1/cases/"
                        + complaint.reference + "/closure"))
                .header("Content-Type", "application/json").header("Authorization", basic("test-staff"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"" + reason + "\"}")));
        assertThat(closed.statusCode()).isEqualTo(202);
        CaseFiles files = service.getBean(CaseFiles.class);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> files.byReference(complaint.reference).filter(file -> file.closure() != null)
                        .isPresent());
    }

    /** Every topic of the broker with a record whose bytes hold {@code text}. */
    private static List<String> topicsHolding(String text) throws Exception {
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            topics = admin.listTopics().names().get();
        }
        List<String> holding = new ArrayList<>();
        for (String topic : topics) {
            boolean holds = Brokers.readUncommitted(broker, topic).stream().anyMatch(record -> record.value() != null
                    && new String(record.value(), StandardCharsets.UTF_8).contains(text));
            if (holds) {
                holding.add(topic);
            }
        }
        return holding;
    }

    /** Whether the complaint's sealed complainant opens with any data key the keys topic still holds. */
    private static boolean openWithAnyKeyLeft(CaseEvents complaint) throws GeneralSecurityException {
        String context = "complaints.received.v1/" + complaint.complaintId + "/complainant";
        for (ConsumerRecord<String, byte[]> record : Brokers.readCommitted(broker, KEYS)) {
            if (record.value() == null) {
                continue;
            }
            Map<String, String> wrapped = JSON.convertValue(JSON.readTree(record.value()).get("wrapped"),
                    new TypeReference<Map<String, String>>() { });
            byte[] dataKey = CaseEvents.unwrap(wrapped, UUID.fromString(record.key().substring(0, 36)));
            try {
                CaseEvents.openWith(dataKey, complaint.sealedComplainant(), context);
                return true;
            } catch (GeneralSecurityException e) {
                // not this key
            }
        }
        return false;
    }

    private static HttpResponse<String> status(CaseEvents complaint) {
        return CaseHarness.send(HttpRequest.newBuilder(URI.create(api() + "/api/v1/complaints/status"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "reference", complaint.reference, "trackingCode", CaseEvents.TRACKING_CODE)))));
    }

    private static String api() {
        return "http://localhost:" + CaseHarness.port(service, "local.server.port");
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-password")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(String url, @Nullable String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return CaseHarness.send(request);
    }
}
