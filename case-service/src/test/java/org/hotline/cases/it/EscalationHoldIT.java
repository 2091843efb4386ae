package org.hotline.cases.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.awaitility.Awaitility;
import org.hotline.testsupport.EventSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A caseworker's hold on a silent body's escalation, in the running service on a real broker with a clock the test
 * moves: the hold is published, the case file takes it, and the silence check leaves the body alone past its
 * answer deadline until the day after the hold.
 */
class EscalationHoldIT {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    /** Monday 30 November 2026: the police are to answer by Tuesday 22 December. */
    private static final Instant RECEIVED_AT = Instant.parse("2026-11-30T05:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration A_FEW_CHECKS = Duration.ofSeconds(3);

    private static final MutableClock clock = new MutableClock(noonOn(LocalDate.of(2026, 12, 21)));
    private static final List<JsonNode> events = new ArrayList<>();
    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext service;
    private static KafkaConsumer<String, byte[]> consumer;

    @BeforeAll
    static void start() {
        broker = CaseHarness.startBroker();
        service = CaseHarness.startCaseService(broker, clock);
        consumer = CaseHarness.caseEventsConsumer(broker);
    }

    @AfterAll
    static void stop() {
        if (consumer != null) {
            consumer.close();
        }
        if (service != null) {
            service.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void aHeldBodyGoesUpTheLadderOnlyFromTheDayAfterItsHold() {
        // given the police told of a complaint on 30 November, and 21 December today
        CaseEvents complaint = new CaseEvents(RECEIVED_AT);
        CaseHarness.publishTold(broker, complaint);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> console(complaint).contains("kz-39-education"));

        // when a caseworker holds the police's escalation until 8 January, as they promised by phone
        HttpResponse<String> held = hold(complaint, "{\"heldUntil\": \"2027-01-08\", \"reason\": \"The head of "
                + "the police department promised the answer by phone.\"}");

        // then the hold is on the case events as its schema says, and the case file soon has it
        assertThat(held.statusCode()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> types().contains("EscalationHeld"));
        JsonNode event = events.stream().filter(e -> "EscalationHeld".equals(e.path("eventType").asString()))
                .findFirst().orElseThrow();
        EventSchemas.assertConforms("escalation-held.v1.schema.json", event);
        assertThat(event.path("heldUntil").asString()).isEqualTo("2027-01-08");
        assertThat(event.path("principal").asString()).isEqualTo("test-staff");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> console(complaint).contains("Escalation held until"));

        // when 23 December comes, past the police's answer deadline but within the hold
        clock.set(noonOn(LocalDate.of(2026, 12, 23)));

        // then, check after check, no escalation
        Awaitility.await().during(A_FEW_CHECKS).atMost(A_FEW_CHECKS.plusSeconds(5))
                .pollInterval(Duration.ofMillis(200)).until(() -> !types().contains("EscalationDue"));

        // when 9 January comes, the day after the hold
        clock.set(noonOn(LocalDate.of(2027, 1, 9)));

        // then the police go up their ladder, once
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> types().contains("EscalationDue"));
        assertThat(events).filteredOn(e -> "EscalationDue".equals(e.path("eventType").asString())).singleElement()
                .satisfies(due -> {
                    assertThat(due.path("fromAuthorityId").asString()).isEqualTo("kz-39-police");
                    assertThat(due.path("toAuthorityId").asString()).isEqualTo("kz-39-prosecutor");
                });
    }

    private static HttpResponse<String> hold(CaseEvents complaint, String json) {
        return CaseHarness.send(HttpRequest.newBuilder(URI.create(api("/api/v1/cases/" + complaint.reference
                        + "/assignments/kz-39-police/escalation-hold")))
                .header("Authorization", staff())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String console(CaseEvents complaint) {
        return CaseHarness.send(HttpRequest.newBuilder(URI.create(api("/console/cases/" + complaint.reference
                + "?lang=en"))).header("Authorization", staff()).GET()).body();
    }

    private static List<String> types() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
            events.add(JSON.readTree(new String(record.value(), StandardCharsets.UTF_8)));
        }
        return events.stream().map(event -> event.path("eventType").asString()).toList();
    }

    private static String staff() {
        return "Basic " + Base64.getEncoder().encodeToString("test-staff:test-staff-password"
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String api(String path) {
        return "http://localhost:" + CaseHarness.port(service, "local.server.port") + path;
    }

    private static Instant noonOn(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(ALMATY).toInstant();
    }
}
