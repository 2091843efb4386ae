package org.hotline.cases.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cases.it.CaseHarness.CASE_EVENTS;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.hotline.cases.acknowledgement.application.Acknowledgements;
import org.hotline.testsupport.Brokers;
import org.hotline.testsupport.EventSchemas;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bodies answer through their link, and caseworkers record by post or phone what other bodies did; the status
 * shows both within seconds, and the caseworker endpoint is STAFF's alone.
 */
class AnswersIT {

    private static final Instant RECEIVED_AT = Instant.parse("2026-11-30T05:00:00Z");
    /** Thursday 10 December 2026, 11:00 in Almaty. */
    private static final Instant NOW = Instant.parse("2026-12-10T06:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STAFF = "test-staff";
    private static final String OPS = "test-ops";

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void start() {
        broker = CaseHarness.startBroker();
        service = CaseHarness.startCaseService(broker, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        service.close();
        broker.destroy();
    }

    private static CaseEvents routedComplaint() {
        CaseEvents complaint = new CaseEvents(RECEIVED_AT);
        CaseHarness.publishTold(broker, complaint);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> !assignment(complaint, "kz-39-education").get("notifiedAt").isNull());
        return complaint;
    }

    @Test
    void aBodyAcknowledgesThenAnswersThroughItsLinkAndTheStatusShowsTheAnswer() {
        CaseEvents complaint = routedComplaint();
        String token = service.getBean(Acknowledgements.class).issue(complaint.complaintId, complaint.reference,
                "kz-39-police");
        assertThat(postForm(token, Map.of("registrationNumber", "ЖТ-2026/01234")).statusCode()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> !assignment(complaint, "kz-39-police").get("acknowledgedAt").isNull());

        HttpResponse<String> confirmed = CaseHarness.send(HttpRequest.newBuilder(URI.create(link(token))).GET());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("lang=\"ru\"", "Получение подтверждено", "ЖТ-2026/01234",
                "Ответ на обращение", "name=\"outcome\"", "value=\"FORWARDED\"", "name=\"forwardedTo\"");

        HttpResponse<String> missingBody = postForm(token, Map.of("outcome", "FORWARDED", "forwardedTo", " "));
        assertThat(missingBody.statusCode()).isEqualTo(400);
        assertThat(missingBody.body()).contains("Укажите орган, в который перенаправлено обращение");
        assertThat(postForm(token, Map.of("outcome", "REFUSED", "reason", "x".repeat(1001))).statusCode())
                .isEqualTo(400);

        HttpResponse<String> answered = postForm(token, Map.of("outcome", "FORWARDED",
                "forwardedTo", "Прокуратура Костанайской области", "outgoingNumber", "5-1/1234",
                "outgoingDate", "2026-12-09"));
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("Ответ зафиксирован", "Перенаправлено в другой орган",
                "Прокуратура Костанайской области");

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> !assignment(complaint, "kz-39-police").get("answeredAt").isNull());
        JsonNode police = assignment(complaint, "kz-39-police");
        assertThat(police.get("answeredAt").asString()).isEqualTo(NOW.toString());
        assertThat(police.get("answer").asString()).isEqualTo("FORWARDED");
        assertThat(police.get("state").asString()).isEqualTo("ANSWERED");
        assertThat(police.has("forwardedTo")).isFalse();

        JsonNode event = event(complaint, "AssignmentAnswered", "kz-39-police");
        EventSchemas.assertConforms("assignment-answered.v1.schema.json", event);
        assertThat(event.get("recordedBy").asString()).isEqualTo("body");
        assertThat(event.has("principal")).isFalse();
        assertThat(event.get("outgoingDate").asString()).isEqualTo("2026-12-09");

        HttpResponse<String> again = postForm(token, Map.of("outcome", "REFUSED", "reason", "changed our mind"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("Ответ уже зафиксирован", "Прокуратура Костанайской области")
                .doesNotContain("changed our mind");

        // The complainant's news: the acknowledgement and the answer, each once, with the sealed block unopened.
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> complainantUpdates(complaint).size() >= 2);
        List<JsonNode> updates = complainantUpdates(complaint);
        assertThat(updates).extracting(update -> update.get("update").asString())
                .containsExactly("ACKNOWLEDGED", "ANSWERED");
        assertThat(updates.get(0).get("registrationNumber").asString()).isEqualTo("ЖТ-2026/01234");
        assertThat(updates.get(1).get("outcome").asString()).isEqualTo("FORWARDED");
        for (JsonNode update : updates) {
            EventSchemas.assertConforms("complainant-update-due.v1.schema.json", update);
            assertThat(update.get("complainant").get("mode").asString()).isEqualTo("OPEN");
            assertThat(update.toString()).doesNotContain(CaseEvents.TRACKING_CODE);
        }
    }

    @Test
    void aBodysAcknowledgementAndTheComplainantsNewsItCallsForAreInTheTraceOfItsRequest() {
        // given a body's link, and its browser's request in a trace
        CaseEvents complaint = routedComplaint();
        String token = service.getBean(Acknowledgements.class).issue(complaint.complaintId, complaint.reference,
                "kz-39-police");
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        // when the body confirms receipt
        HttpResponse<String> confirmed = CaseHarness.send(HttpRequest.newBuilder(URI.create(link(token)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString("registrationNumber=01-12%2F345")));
        assertThat(confirmed.statusCode()).isEqualTo(200);

        // then its event, and the complainant's news the case file issues for it, carry the request's trace on
        // (the silence check's reminders start from the clock, each in a trace of its own)
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> complainantUpdates(complaint).size() == 1);
        List<String> traced = events(complaint).stream()
                .map(record -> JSON.readTree(record.value()).get("eventType").asString() + " "
                        + (record.headers().lastHeader("traceparent") == null ? "none"
                                : new String(record.headers().lastHeader("traceparent").value(),
                                        StandardCharsets.UTF_8)))
                .toList();
        assertThat(traced).anySatisfy(line -> assertThat(line).startsWith("AssignmentAcknowledged 00-"
                        + traceId + "-"))
                .anySatisfy(line -> assertThat(line).startsWith("ComplainantUpdateDue 00-" + traceId + "-"));
    }

    private static List<JsonNode> complainantUpdates(CaseEvents complaint) {
        return events(complaint).stream().map(record -> JSON.readTree(record.value()))
                .filter(value -> "ComplainantUpdateDue".equals(value.get("eventType").asString())).toList();
    }

    @Test
    void aCaseworkerRecordsALetterAndACallAndTheStatusShowsThem() {
        CaseEvents complaint = routedComplaint();
        String acknowledgement = caseworker(complaint.reference, "kz-39-education", "acknowledgement");
        String answer = caseworker(complaint.reference, "kz-39-education", "answer");

        HttpResponse<String> acknowledged = postJson(acknowledgement, STAFF,
                Map.of("registrationNumber", "01-12/345", "acknowledgedOn", "2026-12-02"));
        assertThat(acknowledged.statusCode()).isEqualTo(202);
        String acknowledgementId = JSON.readTree(acknowledged.body()).get("eventId").asString();
        HttpResponse<String> answered = postJson(answer, STAFF, Map.of("outcome", "REFUSED",
                "reason", "Школа не подведомственна управлению.", "answeredOn", "2026-12-09"));
        assertThat(answered.statusCode()).isEqualTo(202);

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> !assignment(complaint, "kz-39-education").get("answeredAt").isNull());
        JsonNode education = assignment(complaint, "kz-39-education");
        assertThat(education.get("registrationNumber").asString()).isEqualTo("01-12/345");
        assertThat(education.get("acknowledgedAt").asString()).isEqualTo("2026-12-02T07:00:00Z");
        assertThat(education.get("answeredAt").asString()).isEqualTo("2026-12-09T07:00:00Z");
        assertThat(education.get("answer").asString()).isEqualTo("REFUSED");

        JsonNode ackEvent = event(complaint, "AssignmentAcknowledged", "kz-39-education");
        EventSchemas.assertConforms("assignment-acknowledged.v1.schema.json", ackEvent);
        assertThat(ackEvent.get("eventId").asString()).isEqualTo(acknowledgementId);
        assertThat(ackEvent.get("recordedBy").asString()).isEqualTo("caseworker");
        assertThat(ackEvent.get("principal").asString()).isEqualTo(STAFF);
        JsonNode answerEvent = event(complaint, "AssignmentAnswered", "kz-39-education");
        EventSchemas.assertConforms("assignment-answered.v1.schema.json", answerEvent);
        assertThat(answerEvent.get("reason").asString()).isEqualTo("Школа не подведомственна управлению.");
        assertThat(answerEvent.get("principal").asString()).isEqualTo(STAFF);

        HttpResponse<String> second = postJson(answer, STAFF, Map.of("outcome", "MEASURES_TAKEN"));
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(problemType(second)).isEqualTo("urn:hotline:problem:already-recorded");

        // Each of the caseworker's requests is on the audit topic, keyed by the account, naming no complaint.
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(committed(CaseHarness.AUDIT)).filteredOn(record -> STAFF.equals(
                        record.key())).extracting(record -> JSON.readTree(record.value()))
                        .anySatisfy(audit -> assertThat(audit.get("action").asString() + " "
                                + audit.get("outcome").asString()).isEqualTo("case.acknowledgement.record SUCCEEDED"))
                        .anySatisfy(audit -> assertThat(audit.get("action").asString() + " "
                                + audit.get("httpStatus").asInt()).isEqualTo("case.answer.record 409")));
        for (ConsumerRecord<String, byte[]> record : committed(CaseHarness.AUDIT)) {
            JsonNode audit = JSON.readTree(record.value());
            EventSchemas.assertConforms("staff-action-audited.v1.schema.json", audit);
            assertThat(audit.get("service").asString()).isEqualTo("case-service");
            assertThat(audit.toString()).doesNotContain(complaint.reference, complaint.complaintId.toString());
        }
    }

    @Test
    void aCaseworkersAnswerToABodyThatNeverAcknowledgedCountsAsItsAcknowledgement() {
        CaseEvents complaint = routedComplaint();

        assertThat(postJson(caseworker(complaint.reference, "kz-39-police", "answer"), STAFF,
                Map.of("outcome", "ACCEPTED_FOR_CONSIDERATION")).statusCode()).isEqualTo(202);

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> !assignment(complaint, "kz-39-police").get("answeredAt").isNull());
        JsonNode police = assignment(complaint, "kz-39-police");
        assertThat(police.get("acknowledgedAt").asString()).isEqualTo(NOW.toString());
        assertThat(police.get("registrationNumber").isNull()).isTrue();
        assertThat(police.get("state").asString()).isEqualTo("ANSWERED");
    }

    @Test
    void theCaseworkerEndpointIsForStaffAndAnswersEveryRefusalAsAProblem() {
        CaseEvents complaint = routedComplaint();
        String url = caseworker(complaint.reference, "kz-39-police", "acknowledgement");
        Map<String, String> body = Map.of("registrationNumber", "1");

        HttpResponse<String> anonymous = postJson(url, null, body);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
        assertThat(postJson(url, OPS, body).statusCode()).isEqualTo(403);
        assertThat(postJson(url, "nobody", body).statusCode()).isEqualTo(401);

        HttpResponse<String> unknownCase = postJson(caseworker("HL-0000-0000-0000", "kz-39-police",
                "acknowledgement"), STAFF, body);
        assertThat(unknownCase.statusCode()).isEqualTo(404);
        assertThat(unknownCase.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(problemType(unknownCase)).isEqualTo("urn:hotline:problem:case-not-found");
        HttpResponse<String> unknownBody = postJson(caseworker(complaint.reference, "kz-39-labour-inspection",
                "answer"), STAFF, Map.of("outcome", "MEASURES_TAKEN"));
        assertThat(unknownBody.statusCode()).isEqualTo(404);
        assertThat(problemType(unknownBody)).isEqualTo("urn:hotline:problem:assignment-not-found");

        HttpResponse<String> invalid = postJson(caseworker(complaint.reference, "kz-39-police", "answer"), STAFF,
                Map.of("outcome", "FORWARDED"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(problemType(invalid)).isEqualTo("urn:hotline:problem:invalid-record");
        assertThat(JSON.readTree(invalid.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("forwardedTo");
        HttpResponse<String> crossSite = CaseHarness.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Authorization", basic(STAFF))
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        assertThat(crossSite.statusCode()).isEqualTo(403);

        assertThat(postJson(url, STAFF, body).statusCode()).isEqualTo(202);
        assertThat(event(complaint, "AssignmentAcknowledged", "kz-39-police").get("registrationNumber").asString())
                .isEqualTo("1");
    }

    @Test
    void aCaseworkerClosesACaseOnceAndTheStatusSaysClosedWithTheDayAndTheReason() {
        CaseEvents complaint = routedComplaint();
        String url = api() + "/api/v1/cases/" + complaint.reference + "/closure";

        assertThat(postJson(url, null, Map.of("reason", "RESOLVED")).statusCode()).isEqualTo(401);
        assertThat(postJson(url, OPS, Map.of("reason", "RESOLVED")).statusCode()).isEqualTo(403);
        HttpResponse<String> invalid = postJson(url, STAFF, Map.of("reason", "SETTLED"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(postJson(url, STAFF, Map.of("reason", "WITHDRAWN", "closedOn", "2026-12-09")).statusCode())
                .isEqualTo(202);

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> "CLOSED".equals(JSON.readTree(status(complaint).body()).get("state").asString()));
        JsonNode status = JSON.readTree(status(complaint).body());
        assertThat(status.get("closedAt").asString()).isEqualTo("2026-12-09T07:00:00Z");
        assertThat(status.get("closureReason").asString()).isEqualTo("WITHDRAWN");
        String form = "reference=" + complaint.reference + "&trackingCode=" + URLEncoder.encode(
                CaseEvents.TRACKING_CODE, StandardCharsets.UTF_8) + "&lang=en";
        HttpResponse<String> page = CaseHarness.send(HttpRequest.newBuilder(URI.create(api() + "/status"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(page.body()).contains("The hotline&#39;s caseworkers closed the case", "Closed on",
                "December 9, 2026", "you asked the hotline to stop");
        HttpResponse<String> again = postJson(url, STAFF, Map.of("reason", "RESOLVED"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(problemType(again)).isEqualTo("urn:hotline:problem:already-recorded");
        List<JsonNode> closed = events(complaint).stream().map(record -> JSON.readTree(record.value()))
                .filter(value -> "CaseClosed".equals(value.get("eventType").asString())).toList();
        assertThat(closed).singleElement().satisfies(event -> {
            assertThat(event.get("reference").asString()).isEqualTo(complaint.reference);
            assertThat(event.get("reason").asString()).isEqualTo("WITHDRAWN");
            assertThat(event.get("principal").asString()).isEqualTo(STAFF);
            assertThat(event.get("recordedBy").asString()).isEqualTo("caseworker");
            EventSchemas.assertConforms("case-closed.v1.schema.json", event);
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(committed(CaseHarness.AUDIT)).filteredOn(record -> STAFF.equals(
                        record.key())).extracting(record -> JSON.readTree(record.value()))
                        .anySatisfy(audit -> assertThat(audit.get("action").asString() + " "
                                + audit.get("httpStatus").asInt()).isEqualTo("case.closure.record 202"))
                        .anySatisfy(audit -> assertThat(audit.get("action").asString() + " "
                                + audit.get("httpStatus").asInt()).isEqualTo("case.closure.record 409")));
    }

    private static String api() {
        return "http://localhost:" + CaseHarness.port(service, "local.server.port");
    }

    private static String link(String token) {
        return api() + "/ack/" + token;
    }

    private static String caseworker(String reference, String authorityId, String what) {
        return api() + "/api/v1/cases/" + reference + "/assignments/" + authorityId + "/" + what;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-password")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> postForm(String token, Map<String, String> fields) {
        String form = new LinkedHashMap<>(fields).entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return CaseHarness.send(HttpRequest.newBuilder(URI.create(link(token)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static HttpResponse<String> postJson(String url, @Nullable String user, Map<String, String> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return CaseHarness.send(request);
    }

    private static String problemType(HttpResponse<String> response) {
        return JSON.readTree(response.body()).get("type").asString();
    }

    private static HttpResponse<String> status(CaseEvents complaint) {
        return CaseHarness.send(HttpRequest.newBuilder(URI.create(api() + "/api/v1/complaints/status"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "reference", complaint.reference, "trackingCode", CaseEvents.TRACKING_CODE)))));
    }

    private static JsonNode assignment(CaseEvents complaint, String authorityId) {
        HttpResponse<String> response = status(complaint);
        for (JsonNode assignment : JSON.readTree(response.body()).get("assignments")) {
            if (assignment.get("authorityId").asString().equals(authorityId)) {
                return assignment;
            }
        }
        throw new AssertionError("no assignment " + authorityId + " in " + response.body());
    }

    private static JsonNode event(CaseEvents complaint, String eventType, String authorityId) {
        List<JsonNode> matching = events(complaint).stream().map(record -> JSON.readTree(record.value()))
                .filter(value -> eventType.equals(value.get("eventType").asString())
                        && authorityId.equals(value.get("authorityId").asString()))
                .toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    /** The committed records of cases.events.v1 for this complaint. */
    private static List<ConsumerRecord<String, byte[]>> events(CaseEvents complaint) {
        return committed(CASE_EVENTS).stream().filter(record -> complaint.complaintId.toString().equals(record.key()))
                .toList();
    }

    /** Every committed record of {@code topic} so far. */
    private static List<ConsumerRecord<String, byte[]>> committed(String topic) {
        return Brokers.readCommitted(broker, topic);
    }
}
