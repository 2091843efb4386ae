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
 * A caseworker's decisions on a body's escalation, in the running service on a real broker with a clock the test
 * moves: a hold is published, the case file takes it, and the silence check leaves the body alone past its answer
 * deadline until the day after the hold; a request to escalate now is published, and the check takes the step
 * before the body's deadline, as a caseworker's decision (EscalationDue v2).
 */
class EscalationDecisionsIT {

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
        String id = complaint.complaintId.toString();
        CaseHarness.publishTold(broker, complaint);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> console(complaint).contains("kz-39-education"));

        // when a caseworker holds the police's escalation until 8 January, as they promised by phone
        HttpResponse<String> held = hold(complaint, "{\"heldUntil\": \"2027-01-08\", \"reason\": \"The head of "
                + "the police department promised the answer by phone.\"}");

        // then the hold is on the case events as its schema says, and the case file soon has it
        assertThat(held.statusCode()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> types(id).contains("EscalationHeld"));
        JsonNode event = of(id, "EscalationHeld");
        EventSchemas.assertConforms("escalation-held.v1.schema.json", event);
        assertThat(event.path("heldUntil").asString()).isEqualTo("2027-01-08");
        assertThat(event.path("principal").asString()).isEqualTo("test-staff");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> console(complaint).contains("Escalation held until"));

        // when 23 December comes, past the police's answer deadline but within the hold
        clock.set(noonOn(LocalDate.of(2026, 12, 23)));

        // then, check after check, no escalation
        Awaitility.await().during(A_FEW_CHECKS).atMost(A_FEW_CHECKS.plusSeconds(5))
                .pollInterval(Duration.ofMillis(200)).until(() -> !types(id).contains("EscalationDue"));

        // when 9 January comes, the day after the hold
        clock.set(noonOn(LocalDate.of(2027, 1, 9)));

        // then the police go up their ladder, once
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> types(id).contains("EscalationDue"));
        assertThat(events).filteredOn(e -> id.equals(e.path("complaintId").asString())
                && "EscalationDue".equals(e.path("eventType").asString())).singleElement()
                .satisfies(due -> {
                    assertThat(due.path("fromAuthorityId").asString()).isEqualTo("kz-39-police");
                    assertThat(due.path("toAuthorityId").asString()).isEqualTo("kz-39-prosecutor");
                });
    }

    @Test
    void aCaseworkerSendsTheCaseUpPastTheBodyBeforeItsDeadline() {
        // given the police told of a complaint an hour ago: their deadlines are weeks away
        CaseEvents complaint = new CaseEvents(clock.instant().minus(Duration.ofHours(1)));
        String id = complaint.complaintId.toString();
        CaseHarness.publishTold(broker, complaint);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> console(complaint).contains("kz-39-education"));

        // when a caseworker asks to escalate past the police now
        HttpResponse<String> asked = post(complaint, "escalation", "{\"reason\": \"The district police refused "
                + "to register the complaint by phone.\"}");

        // then the request is on the case events as its schema says
        assertThat(asked.statusCode()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> types(id).contains("EscalationDue"));
        JsonNode request = of(id, "EscalationRequested");
        EventSchemas.assertConforms("escalation-requested.v1.schema.json", request);
        assertThat(request.path("principal").asString()).isEqualTo("test-staff");

        // and the check sent the case to the prosecutor as a caseworker's decision, quoting the reason
        JsonNode due = of(id, "EscalationDue");
        EventSchemas.assertConforms("escalation-due.v2.schema.json", due);
        assertThat(due.path("schemaVersion").asInt()).isEqualTo(2);
        assertThat(due.path("reason").asString()).isEqualTo("CASEWORKER_DECISION");
        assertThat(due.path("toAuthorityId").asString()).isEqualTo("kz-39-prosecutor");
        assertThat(due.path("decision").path("reason").asString())
                .isEqualTo("The district police refused to register the complaint by phone.");

        // and the complainant's news says a caseworker decided, without the note
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> types(id).contains("ComplainantUpdateDue"));
        JsonNode news = of(id, "ComplainantUpdateDue");
        EventSchemas.assertConforms("complainant-update-due.v1.schema.json", news);
        assertThat(news.path("escalationReason").asString()).isEqualTo("CASEWORKER_DECISION");
        assertThat(news.toString()).doesNotContain("refused to register");

        // and the console and her status page say so, the page without the note; a second request is refused, the
        // step being taken
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> console(complaint).contains("A caseworker decided not to wait for"));
        assertThat(statusPage(complaint)).contains("our caseworkers decided not to wait for its answer")
                .doesNotContain("refused to register", "had not answered in time");
        HttpResponse<String> again = post(complaint, "escalation", "{\"reason\": \"again\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("nothing-to-escalate");
    }

    private static JsonNode of(String complaintId, String type) {
        return events.stream().filter(e -> complaintId.equals(e.path("complaintId").asString())
                && type.equals(e.path("eventType").asString())).findFirst().orElseThrow();
    }

    private static HttpResponse<String> hold(CaseEvents complaint, String json) {
        return post(complaint, "escalation-hold", json);
    }

    private static HttpResponse<String> post(CaseEvents complaint, String what, String json) {
        return CaseHarness.send(HttpRequest.newBuilder(URI.create(api("/api/v1/cases/" + complaint.reference
                        + "/assignments/kz-39-police/" + what)))
                .header("Authorization", staff())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The complainant's status page in English, as her browser posts the reference and the tracking code. */
    private static String statusPage(CaseEvents complaint) {
        String form = "reference=" + complaint.reference + "&trackingCode=" + CaseEvents.TRACKING_CODE + "&lang=en";
        return CaseHarness.send(HttpRequest.newBuilder(URI.create(api("/status")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))).body();
    }

    private static String console(CaseEvents complaint) {
        return CaseHarness.send(HttpRequest.newBuilder(URI.create(api("/console/cases/" + complaint.reference
                + "?lang=en"))).header("Authorization", staff()).GET()).body();
    }

    /** The types of the complaint's events read so far, after reading what the topic has now. */
    private static List<String> types(String complaintId) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
            events.add(JSON.readTree(new String(record.value(), StandardCharsets.UTF_8)));
        }
        return events.stream().filter(e -> complaintId.equals(e.path("complaintId").asString()))
                .map(event -> event.path("eventType").asString()).toList();
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
