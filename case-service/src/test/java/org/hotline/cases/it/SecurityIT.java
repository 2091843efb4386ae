package org.hotline.cases.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cases.it.CaseHarness.OUTCOMES;
import static org.hotline.cases.it.CaseHarness.RECEIVED;
import static org.hotline.cases.it.CaseHarness.ROUTED;
import static org.hotline.cases.it.CaseHarness.publish;

import java.io.IOException;
import java.net.Socket;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.hotline.cases.acknowledgement.application.Acknowledgements;
import org.hotline.testsupport.Brokers;
import org.hotline.testsupport.ScrapePages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what, on a case service against a real broker: the management port and every caseworker endpoint
 * without a credential, with a wrong one, with the wrong role and with the right one; the probes; the public status
 * API and acknowledgement pages; cross-origin writes; the headers of every answer of the API port.
 */
class SecurityIT {

    private static final Instant RECEIVED_AT = Instant.parse("2026-11-30T05:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OPS = "test-ops";
    private static final String STAFF = "test-staff";
    private static final String ELSEWHERE = "https://evil.example";
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    private static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

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
                .until(() -> get(api(ackPath("kz-39-police")), null).statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        service.close();
        broker.destroy();
    }

    @Test
    void showsHealthDetailsAndMetricsOnlyToTheOpsRole() {
        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator")) {
            // when
            HttpResponse<String> anonymous = get(management(path), null);
            HttpResponse<String> wrongPassword = get(management(path), basic(OPS, "guess"));
            HttpResponse<String> unknownAccount = get(management(path), basic("nobody", "nobody-password"));
            HttpResponse<String> staff = get(management(path), as(STAFF));
            HttpResponse<String> ops = get(management(path), as(OPS));

            // then
            assertUnauthorized(anonymous, path);
            assertUnauthorized(wrongPassword, path);
            assertUnauthorized(unknownAccount, path);
            assertThat(staff.statusCode()).as(path).isEqualTo(403);
            assertThat(problemType(staff)).as(path).isEqualTo("urn:hotline:problem:access-denied");
            assertThat(ops.statusCode()).as(path).isEqualTo(200);
        }
        assertThat(get(management("/actuator/health"), as(OPS)).body()).contains("\"caseFiles\"", "\"diskSpace\"");
        assertThat(get(management("/actuator/prometheus"), as(OPS)).body())
                .contains("application=\"case-service\"")
                .as("Kafka Streams' metrics, RocksDB's among them, not bound (CaseStreamsConfiguration)")
                .doesNotContain("kafka_stream_", "StreamThread");
    }

    @Test
    void putsTheTracesIdsOnlyWhereEveryPrometheusReadsThem() {
        // given a request in its trace, which the server's timer saw (the service has no histogram, so its
        // exemplars could only stand on the timer's _count)
        String body = JSON.writeValueAsString(Map.of("reference", complaint.reference,
                "trackingCode", CaseEvents.TRACKING_CODE));
        assertThat(post("/api/v1/complaints/status", body, "application/json", null, null).statusCode())
                .isEqualTo(200);

        // when Prometheus scrapes, asking for OpenMetrics
        HttpResponse<String> page = CaseHarness.send(ScrapePages.request(management("/actuator/prometheus"), OPS,
                OPS + "-password"));

        // then the request is counted, and no _count carries the trace's id, which Prometheus 2.42 would refuse
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/openmetrics-text"));
        assertThat(page.body()).containsPattern("http_server_requests_seconds_count\\{[^}]*"
                + "uri=\"/api/v1/complaints/status\"");
        assertThat(ScrapePages.misplacedExemplars(page.body())).isEmpty();
    }

    @Test
    void answersLivenessAndReadinessToAnyoneWithTheStatusAlone() {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            // when
            HttpResponse<String> anonymous = get(management(probe), null);
            HttpResponse<String> ops = get(management(probe), as(OPS));

            // then
            assertThat(anonymous.statusCode()).as(probe).isEqualTo(200);
            assertThat(JSON.readTree(anonymous.body())).as(probe).isEqualTo(JSON.readTree("{\"status\":\"UP\"}"));
            assertThat(JSON.readTree(ops.body())).as(probe).isEqualTo(JSON.readTree("{\"status\":\"UP\"}"));
        }
    }

    @Test
    void answersTheStatusToAnyoneAndIgnoresACredential() {
        // given
        String body = JSON.writeValueAsString(Map.of("reference", complaint.reference,
                "trackingCode", CaseEvents.TRACKING_CODE));

        // when
        HttpResponse<String> anonymous = post("/api/v1/complaints/status", body, "application/json", null, null);
        HttpResponse<String> wrongCredential = post("/api/v1/complaints/status", body, "application/json", null,
                basic(OPS, "guess"));
        HttpResponse<String> sameOrigin = post("/api/v1/complaints/status", body, "application/json",
                "http://localhost:" + CaseHarness.port(service, "local.server.port"), null);

        // then
        for (HttpResponse<String> response : List.of(anonymous, wrongCredential, sameOrigin)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("reference").asString()).isEqualTo(complaint.reference);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
            assertSecurityHeaders(response, API_POLICY);
        }
    }

    @Test
    void refusesAStatusRequestFromAnotherSitesPage() {
        // given
        String body = JSON.writeValueAsString(Map.of("reference", complaint.reference,
                "trackingCode", CaseEvents.TRACKING_CODE));

        // when
        HttpResponse<String> response = post("/api/v1/complaints/status", body, "application/json", ELSEWHERE, null);

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(problemType(response)).isEqualTo("urn:hotline:problem:cross-origin-request");
        assertThat(response.body()).doesNotContain(complaint.reference);
        assertSecurityHeaders(response, API_POLICY);
    }

    @Test
    void servesTheAcknowledgementPageToAnyoneAndTakesItsFormOnlyFromItsOwnOrigin() {
        // given
        String path = ackPath("kz-39-police");
        String ownOrigin = "http://localhost:" + CaseHarness.port(service, "local.server.port");

        // when
        HttpResponse<String> page = get(api(path), null);
        HttpResponse<String> foreign = post(path, "registrationNumber=FORGED-1", "application/x-www-form-urlencoded",
                ELSEWHERE, null);
        HttpResponse<String> sandboxed = post(path, "registrationNumber=FORGED-2",
                "application/x-www-form-urlencoded", "null", null);
        HttpResponse<String> afterRefusals = get(api(path), null);
        HttpResponse<String> own = post(path, "registrationNumber=" + URLEncoder.encode("ЖТ-2026/777",
                StandardCharsets.UTF_8), "application/x-www-form-urlencoded", ownOrigin, null);

        // then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"registrationNumber\"");
        assertSecurityHeaders(page, PAGE_POLICY, "same-origin");
        for (HttpResponse<String> refused : List.of(foreign, sandboxed)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(problemType(refused)).isEqualTo("urn:hotline:problem:cross-origin-request");
        }
        assertThat(afterRefusals.body()).contains("name=\"registrationNumber\"").doesNotContain("FORGED");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("Получение подтверждено", "ЖТ-2026/777");
    }

    /** Every caseworker write, with a body it would accept from STAFF; the marker must never reach the topic. */
    static Stream<Arguments> caseworkerEndpoints() {
        return Stream.of(
                Arguments.of("/api/v1/cases/{reference}/assignments/kz-39-police/acknowledgement",
                        "{\"registrationNumber\": \"FORGED-TABLE\"}"),
                Arguments.of("/api/v1/cases/{reference}/assignments/kz-39-police/answer",
                        "{\"outcome\": \"MEASURES_TAKEN\", \"outgoingNumber\": \"FORGED-TABLE\"}"),
                Arguments.of("/api/v1/cases/{reference}/closure", "{\"reason\": \"RESOLVED\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseworkerEndpoints")
    void refusesACaseworkerWriteToAnyoneButStaffOnItsOwnSiteAndPublishesNothingForARefusal(String endpoint,
            String body) {
        // given
        String path = endpoint.replace("{reference}", complaint.reference);

        // when
        HttpResponse<String> anonymous = post(path, body, "application/json", null, null);
        HttpResponse<String> wrongPassword = post(path, body, "application/json", null, basic(STAFF, "guess"));
        HttpResponse<String> unknownAccount = post(path, body, "application/json", null,
                basic("nobody", "nobody-password"));
        HttpResponse<String> ops = post(path, body, "application/json", null, as(OPS));
        HttpResponse<String> crossSite = post(path, body, "application/json", ELSEWHERE, as(STAFF));
        HttpResponse<String> htmlForm = post(path, body, "text/plain", null, as(STAFF));

        // then
        assertUnauthorized(anonymous, path);
        assertUnauthorized(wrongPassword, path);
        assertUnauthorized(unknownAccount, path);
        assertThat(ops.statusCode()).as(path).isEqualTo(403);
        assertThat(problemType(ops)).as(path).isEqualTo("urn:hotline:problem:access-denied");
        assertThat(crossSite.statusCode()).as(path).isEqualTo(403);
        assertThat(problemType(crossSite)).as(path).isEqualTo("urn:hotline:problem:cross-origin-request");
        assertThat(htmlForm.statusCode()).as(path).isEqualTo(415);
        assertThat(problemType(htmlForm)).as(path).isEqualTo("urn:hotline:problem:unsupported-media-type");
        for (HttpResponse<String> refused : List.of(anonymous, wrongPassword, unknownAccount, ops, crossSite,
                htmlForm)) {
            assertThat(refused.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        }
        assertThat(caseEvents()).as("records of refused writes").noneMatch(event -> event.contains("FORGED-TABLE")
                || event.contains("\"CaseClosed\"") || event.contains("\"AssignmentAnswered\""));
    }

    @Test
    void answersAnyOtherPathOfTheApiPortWith404AndNoLoginPrompt() {
        for (String path : List.of("/api/v1/cases", "/actuator/health", "/ack", "/ack/a/b", "/favicon.ico")) {
            // when
            HttpResponse<String> anonymous = get(api(path), null);
            HttpResponse<String> ops = get(api(path), as(OPS));

            // then
            for (HttpResponse<String> response : List.of(anonymous, ops)) {
                assertThat(response.statusCode()).as(path).isEqualTo(404);
                assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).isEmpty();
                assertThat(problemType(response)).as(path).isEqualTo("urn:hotline:problem:not-found");
                assertSecurityHeaders(response, path.startsWith("/ack/") ? PAGE_POLICY : API_POLICY);
            }
        }
    }

    /**
     * A link mangled on its way (a mail client that cut a percent-encoding, braces left in a template) is refused by
     * Tomcat before any filter; the body still gets problem JSON, not Tomcat's HTML page. The Java HTTP client
     * refuses to send such a request line, so it goes over a socket as a browser might.
     */
    @Test
    void answersAnAddressTomcatRefusesWithAProblemNotAnHtmlPage() throws IOException {
        for (String target : List.of("/ack/%zz", "/ack/{token}", "/api/v1/complaints/status%")) {
            // when
            String answer = sendRaw(
                    "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            // then
            String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertThat(head).as(target).startsWith("HTTP/1.1 400")
                    .containsIgnoringCase("Content-Type: application/problem+json")
                    .containsIgnoringCase("Cache-Control: no-store")
                    .containsIgnoringCase("Content-Security-Policy: " + API_POLICY);
            assertThat(body).as(target).doesNotContain("<html", "Tomcat");
            JsonNode problem = JSON.readTree(body);
            assertThat(problem.get("type").asString()).as(target).isEqualTo("urn:hotline:problem:request-rejected");
            assertThat(problem.get("status").intValue()).as(target).isEqualTo(400);
        }
    }

    private static void assertUnauthorized(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).as(path).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic realm=\"hotline\""));
        assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        assertThat(problemType(response)).as(path).isEqualTo("urn:hotline:problem:authentication-required");
    }

    private static void assertSecurityHeaders(HttpResponse<String> response, String policy) {
        assertSecurityHeaders(response, policy, "no-referrer");
    }

    /** A page with a form answers same-origin: under no-referrer a browser posts it with Origin: null. */
    private static void assertSecurityHeaders(HttpResponse<String> response, String policy, String referrerPolicy) {
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue(referrerPolicy);
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(policy);
    }

    private static String problemType(HttpResponse<String> response) {
        JsonNode problem = JSON.readTree(response.body());
        return problem.get("type").asString();
    }

    private static String sendRaw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", CaseHarness.port(service, "local.server.port"))) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every committed record of cases.events.v1, as text. */
    private static List<String> caseEvents() {
        return Brokers.readCommitted(broker, CaseHarness.CASE_EVENTS).stream()
                .map(record -> new String(record.value(), StandardCharsets.UTF_8)).toList();
    }

    private static String ackPath(String authorityId) {
        return "/ack/" + service.getBean(Acknowledgements.class).issue(complaint.complaintId, complaint.reference,
                authorityId);
    }

    private static String api(String path) {
        return "http://localhost:" + CaseHarness.port(service, "local.server.port") + path;
    }

    private static String management(String path) {
        return "http://localhost:" + CaseHarness.port(service, "local.management.port") + path;
    }

    private static String as(String user) {
        return basic(user, user + "-password");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String url, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CaseHarness.send(request);
    }

    private static HttpResponse<String> post(String path, String body, String contentType, String origin,
            String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CaseHarness.send(request);
    }
}
