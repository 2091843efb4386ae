package org.hotline.cases.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.hotline.cases.acknowledgement.application.Acknowledgements;
import org.hotline.testsupport.EventSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A complaint nobody answers, walked on a real broker with a clock the test moves: reminders, each rung of the
 * police's ladder, and the dossier at the end, each event exactly once, also across a restart on an empty disk.
 */
class EscalationLadderIT {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    /** Monday 30 November 2026: the police have 1 working day to acknowledge, the education department 3. */
    private static final Instant RECEIVED_AT = Instant.parse("2026-11-30T05:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration A_FEW_CHECKS = Duration.ofSeconds(2);

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext service;
    private static KafkaConsumer<String, byte[]> consumer;
    private static final List<JsonNode> events = new ArrayList<>();
    /** Each event's {@code traceparent}, or "none", in the order of {@link #events}. */
    private static final List<String> traces = new ArrayList<>();
    private static final MutableClock clock = new MutableClock(RECEIVED_AT.plusSeconds(3600));

    @BeforeAll
    static void start() {
        broker = CaseHarness.startBroker();
        service = CaseHarness.startCaseService(broker, clock);
        consumer = CaseHarness.caseEventsConsumer(broker);
    }

    @AfterAll
    static void stop() {
        consumer.close();
        service.close();
        broker.destroy();
    }

    @Test
    void remindsAndClimbsThePoliceLadderToTheCommissionerThenLeavesTheCaseForADossierEachStepOnce() {
        CaseEvents complaint = new CaseEvents(RECEIVED_AT);
        String key = complaint.complaintId.toString();
        CaseHarness.publishTold(broker, complaint);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "NOTIFIED".equals(status(complaint).path("state").asString()));
        assertNoEventsBeyond(0);

        // Wednesday 2 December: the police's acknowledgement deadline (Tuesday) has passed, the department's not.
        clock.set(noonOn(LocalDate.of(2026, 12, 2)));
        awaitSteps(List.of("AcknowledgementReminderDue kz-39-police"));

        // A restart on an empty disk: the case file comes back from its changelog, reminder recorded.
        service.close();
        service = CaseHarness.startCaseService(broker, clock);
        clock.set(noonOn(LocalDate.of(2026, 12, 4)));
        awaitSteps(List.of("AcknowledgementReminderDue kz-39-police", "AcknowledgementReminderDue kz-39-education"));

        // Wednesday 23 December: both missed their answer deadline (22 December); the police were PRIMARY.
        clock.set(noonOn(LocalDate.of(2026, 12, 23)));
        awaitSteps(List.of("AcknowledgementReminderDue kz-39-police", "AcknowledgementReminderDue kz-39-education",
                "EscalationDue kz-39-police -> kz-39-prosecutor", "ComplainantUpdateDue ESCALATED kz-39-police"));
        JsonNode status = status(complaint);
        assertThat(status.path("state").asString()).isEqualTo("OVERDUE");
        assertThat(assignment(status, "kz-39-police").path("state").asString()).isEqualTo("ESCALATED");
        assertThat(status.path("escalations").get(0).path("fromAuthorityId").asString()).isEqualTo("kz-39-police");
        assertThat(status.path("escalations").get(0).path("toAuthorityId").asString()).isEqualTo("kz-39-prosecutor");
        assertThat(status.path("escalations").get(0).path("reason").asString()).isEqualTo("NO_ANSWER_BY_DEADLINE");
        assertThat(assignment(status, "kz-39-prosecutor").path("authorityName").path("ru").asString())
                .as("the rung's name, from the routing directory").isEqualTo("Прокуратура (Костанайская область)");
        assertThat(status.path("escalations").get(0).path("at").asString())
                .isEqualTo(noonOn(LocalDate.of(2026, 12, 23)).toString());

        // The rung can acknowledge through its own link; its page says why it was sent the complaint.
        String token = service.getBean(Acknowledgements.class).issue(complaint.complaintId, complaint.reference,
                "kz-39-prosecutor");
        String page = CaseHarness.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + CaseHarness.port(service, "local.server.port") + "/ack/" + token)).GET()).body();
        assertThat(page).contains("Направлено вам как вышестоящему органу", "name=\"registrationNumber\"");

        // Each rung stays silent past its own answer deadline, read from the status.
        clock.set(dayAfterAnswerBy(complaint, "kz-39-prosecutor"));
        awaitStepCount(7);
        clock.set(dayAfterAnswerBy(complaint, "kz-prosecutor"));
        awaitStepCount(10);
        clock.set(dayAfterAnswerBy(complaint, "kz-ombudsman"));
        awaitSteps(List.of(
                "AcknowledgementReminderDue kz-39-police",
                "AcknowledgementReminderDue kz-39-education",
                "EscalationDue kz-39-police -> kz-39-prosecutor",
                "ComplainantUpdateDue ESCALATED kz-39-police",
                "AcknowledgementReminderDue kz-39-prosecutor",
                "EscalationDue kz-39-prosecutor -> kz-prosecutor",
                "ComplainantUpdateDue ESCALATED kz-39-prosecutor",
                "AcknowledgementReminderDue kz-prosecutor",
                "EscalationDue kz-prosecutor -> kz-ombudsman",
                "ComplainantUpdateDue ESCALATED kz-prosecutor",
                "AcknowledgementReminderDue kz-ombudsman",
                "EscalationExhausted kz-ombudsman"));

        assertThat(status(complaint).path("state").asString()).isEqualTo("ESCALATION_EXHAUSTED");
        assertThat(status(complaint).path("escalations")).hasSize(3);
        JsonNode last = events.stream().filter(event -> "EscalationDue".equals(event.path("eventType").asString()))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(last.path("lastRung").asBoolean()).isTrue();
        assertThat(last.path("rung").asInt()).isEqualTo(3);
        assertThat(last.path("history")).extracting(body -> body.path("authorityId").asString())
                .containsExactly("kz-39-police", "kz-39-education", "kz-39-prosecutor", "kz-prosecutor");
        // the rung is told the complaint by category, never in the complainant's words
        JsonNode summary = last.path("summary");
        assertThat(summary.path("categories")).extracting(JsonNode::asString)
                .containsExactly("SEXUAL_HARASSMENT", "EXTORTION");
        assertThat(summary.path("region").asString()).isEqualTo("KZ-39");
        assertThat(summary.path("victimMinor").asBoolean()).isTrue();
        assertThat(summary.path("receivedAt").asString()).isNotEmpty();
        assertThat(summary.toString()).doesNotContain("own words");
        // and the dossier's event states the same facts
        JsonNode ended = events.stream().filter(event -> "EscalationExhausted".equals(event.path("eventType")
                .asString())).findFirst().orElseThrow();
        assertThat(ended.path("summary")).isEqualTo(summary);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.path("complaintId").asString()).isEqualTo(key);
            assertThat(event.toString()).doesNotContain("Айгерим").doesNotContain("aigerim")
                    .doesNotContain(CaseEvents.TRACKING_CODE);
        });
        for (JsonNode event : events) {
            EventSchemas.assertConforms(schemaOf(event.path("eventType").asString()), event);
        }
        // What the clock found is in a trace of its own, at least one per move of the clock (six), and an
        // escalation's news to the complainant is in the escalation's: the letters of one step are followed together.
        List<String> traceIds = traces.stream().map(traceparent -> traceparent.split("-")[1]).toList();
        assertThat(traces).allMatch(traceparent -> traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
        for (int i = 0; i < events.size(); i++) {
            if ("ComplainantUpdateDue".equals(events.get(i).path("eventType").asString())) {
                assertThat(events.get(i - 1).path("eventType").asString()).isEqualTo("EscalationDue");
                assertThat(traceIds.get(i)).isEqualTo(traceIds.get(i - 1));
            }
        }
        assertThat(Set.copyOf(traceIds)).hasSizeGreaterThanOrEqualTo(6);
        assertThat(traceIds.get(0)).isNotEqualTo(traceIds.get(1));
        // This instance started after the first reminder; the gauge counts every assignment past a deadline.
        assertThat(metrics()).contains(
                "hotline_cases_reminders_due_total{application=\"case-service\"} 4.0",
                "hotline_cases_escalations_due_total{application=\"case-service\"} 3.0",
                "hotline_cases_escalations_exhausted_total{application=\"case-service\"} 1.0",
                "hotline_cases_assignments_overdue{application=\"case-service\",authority_type=\"POLICE\","
                        + "region=\"KZ-39\"} 1.0",
                "hotline_cases_assignments_overdue{application=\"case-service\",authority_type=\"PROSECUTOR\","
                        + "region=\"KZ-39\"} 2.0",
                "hotline_cases_assignments_overdue{application=\"case-service\",authority_type=\"OMBUDSMAN\","
                        + "region=\"KZ-39\"} 1.0",
                "hotline_cases_assignments_overdue{application=\"case-service\","
                        + "authority_type=\"EDUCATION_AUTHORITY\",region=\"KZ-39\"} 1.0")
                .doesNotContain(key);
    }

    private static String metrics() {
        return CaseHarness.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + CaseHarness.port(service, "local.management.port") + "/actuator/prometheus"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "test-ops:test-ops-password".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .GET()).body();
    }

    private static String schemaOf(String eventType) {
        return switch (eventType) {
            case "AcknowledgementReminderDue" -> "acknowledgement-reminder-due.v1.schema.json";
            case "EscalationDue" -> "escalation-due.v1.schema.json";
            case "ComplainantUpdateDue" -> "complainant-update-due.v1.schema.json";
            default -> "escalation-exhausted.v1.schema.json";
        };
    }

    private static Instant noonOn(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(ALMATY).toInstant();
    }

    private static Instant dayAfterAnswerBy(CaseEvents complaint, String authorityId) {
        return noonOn(LocalDate.parse(assignment(status(complaint), authorityId).path("answerBy").asString())
                .plusDays(1));
    }

    /** The steps so far, in order, and then no more for a few checks: none is issued twice. */
    private static void awaitSteps(List<String> expected) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> steps().size() >= expected.size());
        assertNoEventsBeyond(expected.size());
        assertThat(steps()).containsExactlyElementsOf(expected);
    }

    private static void awaitStepCount(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> steps().size() >= count);
        assertNoEventsBeyond(count);
    }

    private static void assertNoEventsBeyond(int count) {
        Awaitility.await().during(A_FEW_CHECKS).atMost(A_FEW_CHECKS.plusSeconds(5))
                .pollInterval(Duration.ofMillis(200)).until(() -> steps().size() == count);
    }

    private static List<String> steps() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
            events.add(JSON.readTree(new String(record.value(), StandardCharsets.UTF_8)));
            Header traceparent = record.headers().lastHeader("traceparent");
            traces.add(traceparent == null ? "none" : new String(traceparent.value(), StandardCharsets.UTF_8));
        }
        return events.stream().map(EscalationLadderIT::step).toList();
    }

    private static String step(JsonNode event) {
        String type = event.path("eventType").asString();
        return switch (type) {
            case "EscalationDue" -> type + " " + event.path("fromAuthorityId").asString() + " -> "
                    + event.path("toAuthorityId").asString();
            case "ComplainantUpdateDue" -> type + " " + event.path("update").asString() + " "
                    + event.path("authorityId").asString();
            default -> type + " " + event.path("authorityId").asString();
        };
    }

    private static JsonNode status(CaseEvents complaint) {
        String url = "http://localhost:" + CaseHarness.port(service, "local.server.port")
                + "/api/v1/complaints/status";
        String body = JSON.writeValueAsString(Map.of("reference", complaint.reference,
                "trackingCode", CaseEvents.TRACKING_CODE));
        return JSON.readTree(CaseHarness.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))).body());
    }

    private static JsonNode assignment(JsonNode status, String authorityId) {
        for (JsonNode body : status.path("assignments")) {
            if (authorityId.equals(body.path("authorityId").asString())) {
                return body;
            }
        }
        throw new AssertionError(authorityId + " is not in " + status);
    }
}
