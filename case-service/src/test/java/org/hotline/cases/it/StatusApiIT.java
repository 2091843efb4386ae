package org.hotline.cases.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cases.it.CaseHarness.OUTCOMES;
import static org.hotline.cases.it.CaseHarness.RECEIVED;
import static org.hotline.cases.it.CaseHarness.ROUTED;
import static org.hotline.cases.it.CaseHarness.publish;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The complainant's status question, through the API and through the status page, against the service on a real broker. */
class StatusApiIT {

    private static final Instant RECEIVED_AT = Instant.parse("2026-11-30T05:00:00Z");
    /** Wednesday 2 December 2026 in Almaty: the police's one working day to register has passed. */
    private static final Clock WEDNESDAY = Clock.fixed(Instant.parse("2026-12-02T06:00:00Z"), ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext service;
    private static CaseEvents complaint;
    /** Routed with dates for the police that differ from what this service's clocks count (an NGO's own). */
    private static CaseEvents dated;

    @BeforeAll
    static void start() {
        broker = CaseHarness.startBroker();
        service = CaseHarness.startCaseService(broker, WEDNESDAY);
        complaint = new CaseEvents(RECEIVED_AT);
        String key = complaint.complaintId.toString();
        publish(broker, RECEIVED, key, complaint.received());
        publish(broker, ROUTED, key, complaint.routed());
        publish(broker, OUTCOMES, key, complaint.outcome("kz-39-police", "SENT", RECEIVED_AT.plusSeconds(3)));
        publish(broker, OUTCOMES, key, complaint.outcome("kz-39-education", "SENT", RECEIVED_AT.plusSeconds(4)));
        dated = new CaseEvents(RECEIVED_AT);
        String datedKey = dated.complaintId.toString();
        publish(broker, RECEIVED, datedKey, dated.received());
        publish(broker, ROUTED, datedKey, dated.routed(Map.of("kz-39-police", List.of("2026-12-04", "2026-12-24"))));
        publish(broker, OUTCOMES, datedKey, dated.outcome("kz-39-police", "SENT", RECEIVED_AT.plusSeconds(3)));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                status(complaint.reference, CaseEvents.TRACKING_CODE).body().contains("\"kz-39-education\"")
                        && status(complaint.reference, CaseEvents.TRACKING_CODE).body().contains("00:04Z")
                        && status(dated.reference, CaseEvents.TRACKING_CODE).body().contains("00:03Z"));
    }

    @AfterAll
    static void stop() {
        service.close();
        broker.destroy();
    }

    static HttpResponse<String> post(String body, String contentType) {
        String url = "http://localhost:" + CaseHarness.port(service, "local.server.port") + "/api/v1/complaints/status";
        return CaseHarness.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static HttpResponse<String> status(String reference, String trackingCode) {
        return post(JSON.writeValueAsString(java.util.Map.of("reference", reference, "trackingCode", trackingCode)),
                "application/json");
    }

    @Test
    void answersTheCaseWithEachBodysDeadlinesAndStateAndNoPersonalData() {
        HttpResponse<String> response = status(complaint.reference.toLowerCase(), " 7f3k-9qx2-abcd-efgh");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("state").asString()).isEqualTo("OVERDUE");
        assertThat(body.get("receivedAt").asString()).isEqualTo("2026-11-30T05:00:00Z");
        JsonNode police = body.get("assignments").get(0);
        assertThat(police.get("authorityId").asString()).isEqualTo("kz-39-police");
        assertThat(police.get("authorityName").get("en").asString()).isEqualTo("Police Department, Kostanay Region");
        assertThat(police.get("role").asString()).isEqualTo("PRIMARY");
        assertThat(police.get("notifiedAt").asString()).isEqualTo("2026-11-30T05:00:03Z");
        assertThat(police.get("acknowledgeBy").asString()).isEqualTo("2026-12-01");
        assertThat(police.get("answerBy").asString()).isEqualTo("2026-12-22");
        assertThat(police.get("acknowledgedAt").isNull()).isTrue();
        assertThat(police.get("state").asString()).isEqualTo("ACKNOWLEDGEMENT_OVERDUE");
        JsonNode education = body.get("assignments").get(1);
        assertThat(education.get("acknowledgeBy").asString()).isEqualTo("2026-12-03");
        assertThat(education.get("state").asString()).isEqualTo("NOTIFIED");
        assertThat(body.get("escalations").isArray()).isTrue();
        assertThat(response.body()).doesNotContain("Айгерим", "aigerim@", CaseEvents.TRACKING_CODE, "trackingCode",
                "complaintId", complaint.complaintId.toString());
    }

    @Test
    void holdsABodyToTheDatesRoutingGaveItAndCountsThemOnlyWhereTheDecisionHasNone() {
        JsonNode body = JSON.readTree(status(dated.reference, CaseEvents.TRACKING_CODE).body());

        JsonNode police = body.get("assignments").get(0);
        assertThat(police.get("authorityId").asString()).isEqualTo("kz-39-police");
        assertThat(police.get("acknowledgeBy").asString()).isEqualTo("2026-12-04");
        assertThat(police.get("answerBy").asString()).isEqualTo("2026-12-24");
        // Notified on Monday and not overdue on Wednesday: the given date holds, not the one day the clocks count.
        assertThat(police.get("state").asString()).isEqualTo("NOTIFIED");
        JsonNode education = body.get("assignments").get(1);
        assertThat(education.get("acknowledgeBy").asString()).isEqualTo("2026-12-03");
        assertThat(education.get("answerBy").asString()).isEqualTo("2026-12-22");
    }

    @Test
    void answersAnUnknownReferenceAndAWrongCodeWithTheSameProblem() {
        HttpResponse<String> unknown = status("HL-0000-0000-0000", CaseEvents.TRACKING_CODE);
        HttpResponse<String> wrongCode = status(complaint.reference, "7F3K-9QX2-ABCD-EFGJ");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(wrongCode.statusCode()).isEqualTo(404);
        assertThat(wrongCode.body()).isEqualTo(unknown.body());
        assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(unknown.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(JSON.readTree(unknown.body()).get("type").asString()).isEqualTo("urn:hotline:problem:case-not-found");
    }

    @Test
    void answersAnUnknownReferenceRightAfterAFoundOneWithoutTheFileItsLookupRead() {
        // A miss reads the last file found, to take as long as a hit; that file has this tracking code.
        assertThat(status(complaint.reference, CaseEvents.TRACKING_CODE).statusCode()).isEqualTo(200);

        HttpResponse<String> unknown = status("HL-0000-0000-0001", CaseEvents.TRACKING_CODE);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).doesNotContain("kz-39", complaint.reference);
    }

    @Test
    void refusesAMissingCodeAndMalformedJsonWithProblemDetailsThatDoNotEchoTheInput() {
        HttpResponse<String> missing = post("{\"reference\":\"HL-SECRET-VALUE\"}", "application/json");
        HttpResponse<String> malformed = post("{\"reference\":\"HL-SECRET-VALUE\",", "application/json");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).get("type").asString())
                .isEqualTo("urn:hotline:problem:invalid-status-request");
        assertThat(JSON.readTree(missing.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("trackingCode");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("type").asString()).isEqualTo("urn:hotline:problem:malformed-json");
        assertThat(missing.body() + malformed.body()).doesNotContain("SECRET");
    }

    static HttpResponse<String> page(String reference, String trackingCode, String language) {
        String url = "http://localhost:" + CaseHarness.port(service, "local.server.port") + "/status";
        String form = "reference=" + encode(reference) + "&trackingCode=" + encode(trackingCode) + "&lang=" + language;
        return CaseHarness.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void theStatusPageShowsTheCaseInWordsWithAlmatyTimesAndNoPersonalData() {
        HttpResponse<String> response = page(complaint.reference.toLowerCase(), " 7f3k-9qx2-abcd-efgh", "en");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'none'", "form-action 'self'", "frame-ancestors 'none'"));
        assertThat(response.body())
                .contains("<html lang=\"en\">", "Complaint " + complaint.reference)
                .contains("At least one body is late")
                .contains("Police Department, Kostanay Region", "Responsible for considering the complaint",
                        "Did not confirm receipt in time")
                // 05:00:03 UTC is 10:00 in Almaty; deadlines are days
                .contains("November 30, 2026, 10:00", "December 1, 2026", "December 22, 2026")
                .contains("Told; waiting for confirmation of receipt")
                .doesNotContain("ACKNOWLEDGEMENT_OVERDUE", "2026-12-01", "05:00:03", "Z</dd>")
                .doesNotContain("Айгерим", "aigerim@", CaseEvents.TRACKING_CODE, complaint.complaintId.toString());
    }

    @Test
    void theStatusPageSpeaksKazakhAndRussianWhenAsked() {
        HttpResponse<String> kazakh = page(complaint.reference, CaseEvents.TRACKING_CODE, "kk");
        HttpResponse<String> russian = page(complaint.reference, CaseEvents.TRACKING_CODE, "ru");
        String formUrl = "http://localhost:" + CaseHarness.port(service, "local.server.port") + "/status?lang=kk";
        HttpResponse<String> kazakhForm = CaseHarness.send(HttpRequest.newBuilder(URI.create(formUrl)).GET());

        assertThat(kazakh.statusCode()).isEqualTo(200);
        assertThat(kazakh.body()).contains("<html lang=\"kk\">", "Өтініш " + complaint.reference,
                "Алғанын мерзімінде растамады", "Алматы уақытымен");
        assertThat(russian.statusCode()).isEqualTo(200);
        assertThat(russian.body()).contains("<html lang=\"ru\">", "Обращение " + complaint.reference,
                "Не подтвердил получение в срок", "1 декабря 2026");
        assertThat(kazakhForm.statusCode()).isEqualTo(200);
        assertThat(kazakhForm.body()).contains("Өтінішіңіздің мәртебесі", "name=\"trackingCode\"",
                "type=\"password\"", "action=\"/status\"", "hreflang=\"ru\"");
        assertThat(kazakhForm.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void theStatusPageAnswersAnUnknownReferenceAndAWrongCodeAlikeAndEchoesNothing() {
        HttpResponse<String> unknown = page("HL-0000-0000-0000", CaseEvents.TRACKING_CODE, "en");
        HttpResponse<String> wrongCode = page(complaint.reference, "7F3K-9QX2-ABCD-EFGJ", "en");
        HttpResponse<String> missing = page("HL-SECRET-VALUE", "", "en");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(wrongCode.statusCode()).isEqualTo(404);
        assertThat(wrongCode.body()).isEqualTo(unknown.body()).contains("No complaint matches");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Enter both the reference and the tracking code")
                .doesNotContain("SECRET");
        assertThat(unknown.body() + wrongCode.body()).doesNotContain("HL-0000-0000-0000", "EFGJ",
                complaint.reference);
    }
}
