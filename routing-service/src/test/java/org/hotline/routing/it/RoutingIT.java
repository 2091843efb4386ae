package org.hotline.routing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.routing.it.RoutingHarness.ADMIN;
import static org.hotline.routing.it.RoutingHarness.DEAD_LETTERS;
import static org.hotline.routing.it.RoutingHarness.OPS;
import static org.hotline.routing.it.RoutingHarness.ROUTED;
import static org.hotline.routing.it.RoutingHarness.STAFF;
import static org.hotline.routing.it.RoutingHarness.bytes;
import static org.hotline.routing.it.RoutingHarness.getAs;
import static org.hotline.routing.it.RoutingHarness.get;
import static org.hotline.routing.it.RoutingHarness.header;
import static org.hotline.routing.it.RoutingHarness.port;
import static org.hotline.routing.it.RoutingHarness.postAs;
import static org.hotline.routing.it.RoutingHarness.readCommitted;
import static org.hotline.routing.it.RoutingHarness.withKey;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.header.Header;
import org.hotline.routing.complaint.messaging.ComplaintEvents;
import org.hotline.testsupport.ScrapePages;
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

/** The routing service against a real KRaft broker: what lands on the topics, and the HTTP endpoints. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoutingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static EmbeddedKafkaKraftBroker broker;
    private static Path directory;
    private static ConfigurableApplicationContext routing;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() {
        broker = RoutingHarness.startBroker();
        RoutingHarness.createReceivedTopic(broker, 2);
        RoutingHarness.createTopic(broker, RoutingHarness.AUDIT);
        directory = RoutingHarness.copyOfSampleDirectory();
        // A send to a missing topic fails within 3 s instead of 60 s or 2 min, so that its transaction aborts,
        // and a rolled-back poll is retried within 2 s.
        routing = RoutingHarness.startRouting(broker, directory,
                "spring.cloud.stream.kafka.binder.transaction.producer.configuration.max.block.ms=3000",
                "spring.cloud.stream.kafka.binder.transaction.producer.configuration.request.timeout.ms=1000",
                "spring.cloud.stream.kafka.binder.transaction.producer.configuration.delivery.timeout.ms=2000",
                "hotline.routing.poll-retry.max-interval=2s");
        producer = RoutingHarness.producer(broker);
    }

    @AfterAll
    static void stop() {
        producer.close();
        routing.close();
        broker.destroy();
    }

    @Test
    @Order(1)
    void routesAReceivedComplaintExactlyOnceKeyedByItsIdWithTheSealedValuesUntouched() {
        // given
        String complaintId = UUID.randomUUID().toString();
        String received = ComplaintEvents.kostanaySchool(complaintId);

        // when
        RoutingHarness.send(producer, complaintId, bytes(received));

        // then
        await().atMost(PATIENCE).until(() -> !withKey(readCommitted(broker, ROUTED), complaintId).isEmpty());
        List<ConsumerRecord<String, byte[]>> routed = withKey(readCommitted(broker, ROUTED), complaintId);
        assertThat(routed).hasSize(1);
        ConsumerRecord<String, byte[]> record = routed.get(0);
        assertThat(RoutingHarness.partitions(broker, ROUTED)).isEqualTo(6);
        String value = new String(record.value(), StandardCharsets.UTF_8);
        JsonNode event = JSON.readTree(record.value());
        assertThat(event.get("complaintId").stringValue()).isEqualTo(complaintId);
        assertThat(event.at("/assignments/0/authorityId").stringValue()).isEqualTo("kz-39-anti-corruption");
        assertThat(event.at("/assignments/0/role").stringValue()).isEqualTo("PRIMARY");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo("org.hotline.complaint.routed.v1");
        assertThat(header(record, "ce_source")).isEqualTo("urn:hotline:routing-service");
        assertThat(header(record, "ce_subject")).isEqualTo(complaintId);
        assertThat(header(record, "ce_id")).isEqualTo(event.get("eventId").stringValue());
        assertThat(header(record, "ce_time")).isEqualTo(event.get("occurredAt").stringValue());
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(record.headers()).as("the contract's headers and no other (no spring_json_header_types)")
                .extracting(Header::key).containsExactlyInAnyOrder("ce_specversion", "ce_type", "ce_source",
                        "ce_subject", "ce_id", "ce_time", "content-type", "traceparent");
        JsonNode in = JSON.readTree(received);
        assertThat(value).contains("\"description\":" + in.at("/incident/description"));
        assertThat(value).contains("\"sealed\":" + in.at("/complainant/sealed"));
        assertThat(event.at("/complaint/incident")).isEqualTo(in.get("incident"));
        assertThat(event.at("/complaint/complainant")).isEqualTo(in.get("complainant"));
    }

    @Test
    @Order(2)
    void sendsPoisonRecordsToTheDeadLetterTopicWithTheReasonAndKeepsRoutingTheRecordsAfterThem() {
        // given: three undecidable records and a good one behind them, all on one partition (one key)
        String key = UUID.randomUUID().toString();
        String good = ComplaintEvents.almatyAnalyst(key);
        List<String> poison = List.of(
                "this is not JSON",
                good.replace("\"schemaVersion\":1", "\"schemaVersion\":2"),
                good.replace("\"location\":{\"country\":\"KZ\",", "\"location\":{"));

        // when
        poison.forEach(value -> RoutingHarness.send(producer, key, bytes(value)));
        RoutingHarness.send(producer, key, bytes(good));

        // then
        await().atMost(PATIENCE).until(() -> withKey(readCommitted(broker, ROUTED), key).size() == 1);
        await().atMost(PATIENCE).until(() -> withKey(readCommitted(broker, DEAD_LETTERS), key).size() == 3);
        List<ConsumerRecord<String, byte[]>> dead = withKey(readCommitted(broker, DEAD_LETTERS), key);
        assertThat(dead).extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                .containsExactlyElementsOf(poison);
        assertThat(dead).extracting(record -> header(record, "x-dead-letter-reason-code"))
                .containsExactly("not_json", "unsupported_schema_version", "missing_field");
        assertThat(header(dead.get(2), "x-dead-letter-reason")).contains("location.country");
        assertThat(header(dead.get(0), "x-dead-letter-original-topic")).isEqualTo("complaints.received.v1");
        assertThat(header(dead.get(0), "x-dead-letter-exception")).endsWith("UndecidableEventException");
        assertThat(header(dead.get(0), "x-dead-letter-group")).isEqualTo("routing-service");
        assertThat(header(dead.get(0), "ce_type")).isEqualTo("org.hotline.complaint.received.v1");
        assertThat(dead).flatExtracting(record -> List.of(record.headers().toArray())).extracting(Header::key)
                .doesNotContain("spring_json_header_types");
        JsonNode routed = JSON.readTree(withKey(readCommitted(broker, ROUTED), key).get(0).value());
        assertThat(routed.at("/assignments/0/authorityId").stringValue()).isEqualTo("kz-75-labour-inspection");
        await().atMost(PATIENCE).until(() -> metrics().contains("hotline_routing_dead_letters_total"));
        assertThat(metrics()).contains("hotline_routing_dead_letters_total{application=\"routing-service\","
                + "reason=\"not_json\"} 1.0");
    }

    @Test
    @Order(3)
    void routesEveryGoodRecordOfAPollExactlyOnceAndDeadLettersEachPoisonOneWithItsReasonInThePollsOrder() {
        // given: good and poison records of one complaint, committed together so that routing polls them together
        String key = UUID.randomUUID().toString();
        List<String> good = List.of(ComplaintEvents.almatyAnalyst(key), ComplaintEvents.kostanaySchool(key),
                ComplaintEvents.almatyAnalyst(key));
        List<String> poison = List.of("{\"not\": JSON",
                ComplaintEvents.almatyAnalyst(key).replace("\"schemaVersion\":1", "\"schemaVersion\":2"));

        // when
        RoutingHarness.sendTogether(broker, key, List.of(good.get(0), poison.get(0), good.get(1), poison.get(1),
                good.get(2)));

        // then: each good record routed once, in the order received; each poison one dead-lettered, in order
        await().atMost(PATIENCE).until(() -> withKey(readCommitted(broker, ROUTED), key).size() == 3
                && withKey(readCommitted(broker, DEAD_LETTERS), key).size() == 2);
        assertThat(withKey(readCommitted(broker, ROUTED), key))
                .extracting(record -> JSON.readTree(record.value()).get("causationEventId").stringValue())
                .containsExactlyElementsOf(good.stream().map(value -> JSON.readTree(value).get("eventId").stringValue())
                        .toList());
        List<ConsumerRecord<String, byte[]>> dead = withKey(readCommitted(broker, DEAD_LETTERS), key);
        assertThat(dead).extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                .containsExactlyElementsOf(poison);
        assertThat(dead).extracting(record -> header(record, "x-dead-letter-reason-code"))
                .containsExactly("not_json", "unsupported_schema_version");
        assertThat(Long.parseLong(header(dead.get(1), "x-dead-letter-original-offset")))
                .isEqualTo(Long.parseLong(header(dead.get(0), "x-dead-letter-original-offset")) + 2);
        assertThat(header(dead.get(0), "x-dead-letter-original-topic")).isEqualTo("complaints.received.v1");
        assertThat(header(dead.get(0), "x-dead-letter-at")).isNotBlank();
        assertThat(header(dead.get(1), "ce_subject")).isEqualTo(key);
    }

    @Test
    @Order(4)
    void commitsManyRecordsInFewerTransactionsThanRecords() {
        // given
        String key = UUID.randomUUID().toString();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            values.add(ComplaintEvents.almatyAnalyst(key));
        }
        double pollsBefore = metric("hotline_routing_poll_records_count");
        double recordsBefore = metric("hotline_routing_poll_records_sum");

        // when
        RoutingHarness.sendTogether(broker, key, values);

        // then
        await().atMost(PATIENCE).until(() -> withKey(readCommitted(broker, ROUTED), key).size() == 40);
        assertThat(metric("hotline_routing_poll_records_sum") - recordsBefore).isEqualTo(40.0);
        assertThat(metric("hotline_routing_poll_records_count") - pollsBefore).isBetween(1.0, 20.0);
    }

    @Test
    @Order(5)
    void retriesAPollWhoseTransactionRolledBackAndProducesEachDecisionExactlyOnce() {
        // given: the dead-letter topic is gone, so the poll's dead-letter send fails and its transaction aborts
        RoutingHarness.deleteTopic(broker, DEAD_LETTERS);
        String key = UUID.randomUUID().toString();
        List<String> good = List.of(ComplaintEvents.almatyAnalyst(key), ComplaintEvents.kostanaySchool(key));

        // when
        RoutingHarness.sendTogether(broker, key, List.of(good.get(0), "poison", good.get(1)));

        // then: the poll was rolled back and tried again (the first decision was written twice, in an aborted
        // transaction and in the one open or aborted after it), and read_committed readers see none of it
        await().atMost(PATIENCE).until(() -> withKey(RoutingHarness.readUncommitted(broker, ROUTED), key).size() >= 3);
        assertThat(withKey(readCommitted(broker, ROUTED), key)).isEmpty();

        // and when the topic is back, the retried poll commits: each decision once, in order, and the dead letter
        RoutingHarness.createTopic(broker, DEAD_LETTERS);
        await().atMost(PATIENCE).until(() -> withKey(readCommitted(broker, DEAD_LETTERS), key).size() == 1);
        List<ConsumerRecord<String, byte[]>> routed = withKey(readCommitted(broker, ROUTED), key);
        assertThat(routed).extracting(record -> JSON.readTree(record.value()).get("causationEventId").stringValue())
                .containsExactly(JSON.readTree(good.get(0)).get("eventId").stringValue(),
                        JSON.readTree(good.get(1)).get("eventId").stringValue());
        assertThat(withKey(RoutingHarness.readUncommitted(broker, ROUTED), key).size()).isGreaterThan(routed.size());
        assertThat(header(withKey(readCommitted(broker, DEAD_LETTERS), key).get(0), "x-dead-letter-reason-code"))
                .isEqualTo("not_json");
    }

    @Test
    @Order(6)
    void previewsTheDecisionForAnIntakeRequestWithoutPublishingIt() {
        // given
        int routedBefore = readCommitted(broker, ROUTED).size();

        // when
        HttpResponse<String> response = postAs(STAFF, routing, "/api/v1/routing/preview", "application/json",
                IntakeRequests.KOSTANAY_SCHOOL);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode decision = JSON.readTree(response.body());
        assertThat(decision.get("fallback").booleanValue()).isFalse();
        assertThat(decision.get("rulesVersion").stringValue()).startsWith("kz-sample-2026.11@");
        JsonNode primary = decision.get("assignments").get(0);
        assertThat(primary.get("authorityId").stringValue()).isEqualTo("kz-39-anti-corruption");
        assertThat(primary.get("authorityType").stringValue()).isEqualTo("ANTI_CORRUPTION");
        assertThat(primary.get("level").stringValue()).isEqualTo("REGION");
        assertThat(primary.get("jurisdiction").stringValue()).isEqualTo("KZ-39");
        assertThat(primary.get("role").stringValue()).isEqualTo("PRIMARY");
        assertThat(primary.get("ruleId").stringValue()).isEqualTo("extortion-by-public-official");
        assertThat(primary.get("reason").stringValue()).isNotBlank();
        assertThat(readCommitted(broker, ROUTED)).hasSize(routedBefore);
    }

    @Test
    @Order(7)
    void answersAnInvalidPreviewWithAProblemNamingEveryBadField() {
        HttpResponse<String> response = postAs(STAFF, routing, "/api/v1/routing/preview", "application/json",
                IntakeRequests.KOSTANAY_SCHOOL.replace("\"SEXUAL_HARASSMENT\"", "\"GOSSIP\"")
                        .replace("\"mode\": \"CONFIDENTIAL\"", "\"mode\": \"SECRET\""));
        HttpResponse<String> notJson = postAs(STAFF, routing, "/api/v1/routing/preview", "application/json",
                "{\"channel\":");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").stringValue()).isEqualTo("urn:hotline:problem:invalid-complaint");
        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("incident.categories[0]", "complainant.mode");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).get("type").stringValue()).isEqualTo("urn:hotline:problem:malformed-json");
    }

    @Test
    @Order(7)
    void forbidsCachingAndSniffingOfEveryAnswerOfTheApi() {
        HttpResponse<String> decision = postAs(STAFF, routing, "/api/v1/routing/preview", "application/json",
                IntakeRequests.KOSTANAY_SCHOOL);
        HttpResponse<String> problem = postAs(STAFF, routing, "/api/v1/routing/preview", "application/json", "{");
        HttpResponse<String> unknownPath = get("http://localhost:" + port(routing) + "/api/v1/nothing-here");

        // The refusal of a request without a credential comes from Spring Security, before any controller.
        assertThat(List.of(decision, problem, unknownPath)).extracting(HttpResponse::statusCode)
                .containsExactly(200, 400, 401);
        for (HttpResponse<String> response : List.of(decision, problem, unknownPath)) {
            assertThat(response.headers().firstValue("Cache-Control")).as("%s", response).hasValue("no-store");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as("%s", response).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as("%s", response).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as("%s", response)
                    .hasValue("default-src 'none'; frame-ancestors 'none'");
        }
    }

    @Test
    @Order(8)
    void reloadsAChangedDirectoryWithoutARestart() throws Exception {
        // given: the NGO gives its rules a new version
        Path rules = directory.resolve("rules.yml");
        Files.writeString(rules, Files.readString(rules).replace("version: kz-sample-2026.11", "version: kz-ngo-2026.12"));

        // when
        HttpResponse<String> reload = postAs(ADMIN, routing, "/api/v1/routing/directory/reload", "application/json",
                "");

        // then
        assertThat(reload.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(reload.body()).get("rulesVersion").stringValue()).startsWith("kz-ngo-2026.12@");
        assertThat(previewVersion()).startsWith("kz-ngo-2026.12@");
        assertThat(metrics()).containsPattern("hotline_routing_rules_loaded\\{[^}]*version=\"kz-ngo-2026\\.12@");
    }

    @Test
    @Order(9)
    void keepsTheLoadedDirectoryWhenAReloadFindsMistakes() throws Exception {
        // given: an authority with a type that does not exist
        String before = previewVersion();
        Path authorities = directory.resolve("authorities.yml");
        Files.writeString(authorities, Files.readString(authorities).replaceFirst("type: POLICE", "type: POLIZEI"));

        // when
        HttpResponse<String> reload = postAs(ADMIN, routing, "/api/v1/routing/directory/reload", "application/json",
                "");

        // then
        assertThat(reload.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(reload.body());
        assertThat(problem.get("type").stringValue()).isEqualTo("urn:hotline:problem:invalid-directory");
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("file").stringValue()).isEqualTo("authorities.yml");
        assertThat(error.get("line").intValue()).isEqualTo(10);
        assertThat(error.get("problem").stringValue()).contains("POLIZEI");
        assertThat(previewVersion()).isEqualTo(before);
        assertThat(metrics()).contains("hotline_routing_directory_reload_failures_total{application=\"routing-service\"} 1.0");

        // and complaints are still routed with the old directory
        String complaintId = UUID.randomUUID().toString();
        RoutingHarness.send(producer, complaintId, bytes(ComplaintEvents.almatyAnalyst(complaintId)));
        await().atMost(PATIENCE).until(() -> withKey(readCommitted(broker, ROUTED), complaintId).size() == 1);
        JsonNode routed = JSON.readTree(withKey(readCommitted(broker, ROUTED), complaintId).get(0).value());
        assertThat(routed.get("rulesVersion").stringValue()).isEqualTo(before);
    }

    @Test
    @Order(10)
    void exposesOnlyHealthAndPrometheusOnTheManagementPort() {
        String base = "http://localhost:" + RoutingHarness.managementPort(routing) + "/actuator/";

        assertThat(RoutingHarness.get(base + "health/liveness").statusCode()).isEqualTo(200);
        assertThat(getAs(OPS, base + "health").body())
                .contains("\"kafka\"", "\"directory\"");
        // Not an endpoint, so not under the management chain: the API chain refuses any path it does not know.
        assertThat(getAs(OPS, base + "env").statusCode()).isEqualTo(403);
        assertThat(metrics()).contains("hotline_routing_decisions_total{application=\"routing-service\","
                + "fallback=\"false\",primary_type=\"ANTI_CORRUPTION\",region=\"KZ-39\"}")
                .contains("hotline_routing_decision_seconds_count");
    }

    @Test
    @Order(11)
    void continuesTheTraceOfAReceivedComplaintInItsComplaintRouted() {
        // given a ComplaintReceived sent in a trace, as intake-service sends it
        String complaintId = UUID.randomUUID().toString();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String intakeSpan = "00f067aa0ba902b7";

        // when
        RoutingHarness.sendTraced(producer, complaintId, bytes(ComplaintEvents.kostanaySchool(complaintId)),
                "00-" + traceId + "-" + intakeSpan + "-01");

        // then its ComplaintRouted carries the same trace, from a span of routing's own
        await().atMost(PATIENCE).until(() -> withKey(readCommitted(broker, ROUTED), complaintId).size() == 1);
        String traceparent = header(withKey(readCommitted(broker, ROUTED), complaintId).get(0), "traceparent");
        assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain(intakeSpan);
    }

    @Test
    @Order(12)
    void startsATraceForAReceivedComplaintThatCarriesNone() {
        // given a ComplaintReceived without a trace context
        String complaintId = UUID.randomUUID().toString();

        // when
        RoutingHarness.send(producer, complaintId, bytes(ComplaintEvents.almatyAnalyst(complaintId)));

        // then
        await().atMost(PATIENCE).until(() -> withKey(readCommitted(broker, ROUTED), complaintId).size() == 1);
        assertThat(header(withKey(readCommitted(broker, ROUTED), complaintId).get(0), "traceparent"))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @Test
    @Order(13)
    void putsTheTracesIdsOnlyWhereEveryPrometheusReadsThem() {
        // given a complaint routed, which the decision counter and timer saw within its trace
        String complaintId = UUID.randomUUID().toString();
        RoutingHarness.send(producer, complaintId, bytes(ComplaintEvents.kostanaySchool(complaintId)));
        await().atMost(PATIENCE).until(() -> withKey(readCommitted(broker, ROUTED), complaintId).size() == 1);

        // when Prometheus scrapes, asking for OpenMetrics
        HttpResponse<String> page = RoutingHarness.send(ScrapePages.request("http://localhost:"
                + RoutingHarness.managementPort(routing) + "/actuator/prometheus", OPS, OPS + "-password").build());

        // then the trace's id is beside counters and buckets, and on no _count, which Prometheus 2.42 would refuse
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/openmetrics-text"));
        assertThat(ScrapePages.withExemplars(page.body())).anyMatch(sample ->
                sample.startsWith("hotline_routing_decisions_total"));
        assertThat(ScrapePages.misplacedExemplars(page.body())).isEmpty();
    }

    @Test
    @Order(14)
    void readsEachPartitionWithAConsumerThreadOfItsOwn() {
        // given complaints.received.v1 with two partitions, and a complaint on each
        List<String> ids = new ArrayList<>();
        while (ids.stream().map(id -> RoutingHarness.partitionOf(id, 2)).distinct().count() < 2) {
            ids.add(UUID.randomUUID().toString());
        }
        ids.forEach(id -> RoutingHarness.send(producer, id, bytes(ComplaintEvents.kostanaySchool(id))));

        // when both are routed
        await().atMost(PATIENCE).until(() -> {
            List<ConsumerRecord<String, byte[]>> routed = readCommitted(broker, ROUTED);
            return ids.stream().allMatch(id -> withKey(routed, id).size() == 1);
        });

        // then each partition has a consumer thread of its own (of the three configured, the binder starts no more
        // than the topic has partitions); with one thread, one member would hold both
        ConsumerGroupDescription group = RoutingHarness.group(broker, "routing-service");
        assertThat(group.members()).hasSize(2)
                .allSatisfy(member -> assertThat(member.assignment().topicPartitions()).hasSize(1));
    }

    private static String previewVersion() {
        HttpResponse<String> response = postAs(STAFF, routing, "/api/v1/routing/preview", "application/json",
                IntakeRequests.KOSTANAY_SCHOOL);
        return JSON.readTree(response.body()).get("rulesVersion").stringValue();
    }

    /** A metric without labels other than the application's, 0 when it has not been written yet. */
    private static double metric(String name) {
        return metrics().lines().filter(line -> line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0.0);
    }

    private static String metrics() {
        return getAs(OPS, "http://localhost:" + RoutingHarness.managementPort(routing)
                + "/actuator/prometheus").body();
    }
}
