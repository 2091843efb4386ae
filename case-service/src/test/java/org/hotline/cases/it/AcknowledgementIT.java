package org.hotline.cases.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cases.it.CaseHarness.CASE_EVENTS;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.hotline.cases.acknowledgement.application.Acknowledgements;
import org.hotline.cases.acknowledgement.domain.AcknowledgementLink;
import org.hotline.cases.acknowledgement.domain.LinkPurpose;
import org.hotline.cases.acknowledgement.domain.LinkSigner;
import org.hotline.testsupport.Brokers;
import org.hotline.testsupport.EventSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A body acknowledges through its link; the status shows it; tampered, expired and other links are refused. */
class AcknowledgementIT {

    private static final Instant RECEIVED_AT = Instant.parse("2026-11-30T05:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext service;
    private static CaseEvents complaint;

    @BeforeAll
    static void start() {
        broker = CaseHarness.startBroker();
        service = CaseHarness.startCaseService(broker, Clock.fixed(NOW, ZoneOffset.UTC));
        complaint = new CaseEvents(RECEIVED_AT);
        String key = complaint.complaintId.toString();
        publish(broker, RECEIVED, key, complaint.received());
        publish(broker, ROUTED, key, complaint.routed());
        publish(broker, OUTCOMES, key, complaint.outcome("kz-39-police", "SENT", RECEIVED_AT.plusSeconds(3)));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(link("kz-39-police")).statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        service.close();
        broker.destroy();
    }

    private static String link(String authorityId) {
        return service.getBean(Acknowledgements.class).issue(complaint.complaintId, complaint.reference, authorityId);
    }

    private static String url(String token) {
        return "http://localhost:" + CaseHarness.port(service, "local.server.port") + "/ack/" + token;
    }

    private static HttpResponse<String> get(String token) {
        return CaseHarness.send(HttpRequest.newBuilder(URI.create(url(token))).GET());
    }

    private static HttpResponse<String> post(String token, String registrationNumber) {
        return CaseHarness.send(HttpRequest.newBuilder(URI.create(url(token)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("registrationNumber="
                        + URLEncoder.encode(registrationNumber, StandardCharsets.UTF_8))));
    }

    private static JsonNode statusOf(String authorityId) {
        String url = "http://localhost:" + CaseHarness.port(service, "local.server.port") + "/api/v1/complaints/status";
        HttpResponse<String> response = CaseHarness.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "reference", complaint.reference, "trackingCode", CaseEvents.TRACKING_CODE)))));
        for (JsonNode assignment : JSON.readTree(response.body()).get("assignments")) {
            if (assignment.get("authorityId").asString().equals(authorityId)) {
                return assignment;
            }
        }
        throw new AssertionError("no assignment " + authorityId + " in " + response.body());
    }

    @Test
    void aBodyConfirmsWithItsNumberAndTheStatusShowsItWithinSeconds() {
        String token = link("kz-39-police");

        HttpResponse<String> page = get(token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(page.body()).contains("lang=\"ru\"", "Подтверждение получения обращения " + complaint.reference,
                "Police Department, Kostanay Region (ru)", "1 декабря 2026", "22 декабря 2026",
                "name=\"registrationNumber\"", "action=\"/ack/" + token + "\"")
                .doesNotContain("Айгерим", "aigerim@", "2026-12-01", "05:00:03");

        HttpResponse<String> confirmed = post(token, "  ЖТ-2026/01234 ");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Получение подтверждено", "ЖТ-2026/01234");

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> !statusOf("kz-39-police").get("acknowledgedAt").isNull());
        JsonNode police = statusOf("kz-39-police");
        assertThat(police.get("registrationNumber").asString()).isEqualTo("ЖТ-2026/01234");
        assertThat(police.get("acknowledgedAt").asString()).isEqualTo(NOW.toString());
        assertThat(police.get("state").asString()).isEqualTo("ACKNOWLEDGED");

        ConsumerRecord<String, byte[]> event = caseEvents().get(0);
        assertThat(event.key()).isEqualTo(complaint.complaintId.toString());
        assertThat(header(event, "ce_type")).isEqualTo("org.hotline.case.assignment-acknowledged.v1");
        assertThat(header(event, "ce_source")).isEqualTo("urn:hotline:case-service");
        assertThat(header(event, "ce_subject")).isEqualTo(complaint.complaintId.toString());
        JsonNode value = JSON.readTree(event.value());
        assertThat(header(event, "ce_id")).isEqualTo(value.get("eventId").asString());
        EventSchemas.assertConforms("assignment-acknowledged.v1.schema.json", value);

        HttpResponse<String> again = post(token, "OTHER-999");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("ЖТ-2026/01234").doesNotContain("OTHER-999");
        // The first confirmation stands: one acknowledgement, and one piece of news for the complainant.
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> caseEvents().size() >= 2);
        assertThat(caseEvents()).extracting(record -> header(record, "ce_type")).containsExactlyInAnyOrder(
                "org.hotline.case.assignment-acknowledged.v1", "org.hotline.case.complainant-update-due.v1");
    }

    @Test
    void showsThePageInTheBodysLanguageAndAsksAgainForAMissingNumber() {
        String token = link("kz-39-education");

        assertThat(get(token).body()).contains("lang=\"kk\"", "өтінішінің алынғанын растау");
        HttpResponse<String> empty = post(token, "   ");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Тіркеу нөмірін тіркеу журналындағыдай енгізіңіз");
        assertThat(post(token, "x".repeat(65)).statusCode()).isEqualTo(400);
    }

    @Test
    void refusesATamperedAnExpiredAndAnotherBodysLink() {
        String token = link("kz-39-police");
        String tampered = token.substring(0, token.indexOf('.') - 2) + "AA" + token.substring(token.indexOf('.'));
        LinkSigner signer = service.getBean(LinkSigner.class);
        String expired = signer.sign(new AcknowledgementLink(complaint.complaintId, complaint.reference,
                "kz-39-police", LinkPurpose.ACKNOWLEDGE, NOW.minusSeconds(1)));
        String notRoutedThere = link("kz-39-labour-inspection");

        assertThat(get(tampered).statusCode()).isEqualTo(404);
        assertThat(post(tampered, "123").statusCode()).isEqualTo(404);
        HttpResponse<String> gone = get(expired);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("Срок действия этой ссылки истёк");
        assertThat(post(expired, "123").statusCode()).isEqualTo(410);
        assertThat(get(notRoutedThere).statusCode()).isEqualTo(404);
        assertThat(post(notRoutedThere, "123").statusCode()).isEqualTo(404);
        assertThat(get(tampered).body()).doesNotContain("Police", complaint.reference);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The committed records of cases.events.v1 for this complaint. */
    private static List<ConsumerRecord<String, byte[]>> caseEvents() {
        return Brokers.readCommitted(broker, CASE_EVENTS).stream()
                .filter(record -> complaint.complaintId.toString().equals(record.key())).toList();
    }
}
