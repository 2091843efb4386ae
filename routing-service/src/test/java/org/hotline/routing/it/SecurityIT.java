package org.hotline.routing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.routing.it.RoutingHarness.ADMIN;
import static org.hotline.routing.it.RoutingHarness.AUDIT;
import static org.hotline.routing.it.RoutingHarness.OPS;
import static org.hotline.routing.it.RoutingHarness.STAFF;
import static org.hotline.routing.it.RoutingHarness.readCommitted;
import static org.hotline.routing.it.RoutingHarness.withKey;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.testsupport.EventSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what, on a routing instance against a real broker: every endpoint without a credential, with a
 * wrong one, with the wrong role and with the right one; cross-origin writes; the management port; the audit
 * trail on audit.events.v1 and in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PREVIEW = "/api/v1/routing/preview";
    private static final String RELOAD = "/api/v1/routing/directory/reload";
    private static final String CONSOLE = "https://console.ngo.example";

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext routing;

    @BeforeAll
    static void start() {
        broker = RoutingHarness.startBroker();
        RoutingHarness.createReceivedTopic(broker, 1);
        RoutingHarness.createTopic(broker, AUDIT);
        Path directory = RoutingHarness.copyOfSampleDirectory();
        routing = RoutingHarness.startRouting(broker, directory, "hotline.security.allowed-origins=" + CONSOLE);
    }

    @AfterAll
    static void stop() {
        routing.close();
        broker.destroy();
    }

    /** Each endpoint, the body it takes, the role it needs, and an account that lacks that role. */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of(PREVIEW, IntakeRequests.KOSTANAY_SCHOOL, STAFF, OPS),
                Arguments.of(RELOAD, "", ADMIN, STAFF));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void answersA401ProblemWithABasicChallengeWithoutACredentialAndAuditsNothing(String path, String body) {
        // given
        int auditedBefore = readCommitted(broker, AUDIT).size();

        // when
        HttpResponse<String> response = post(path, body, null, "application/json", null);

        // then
        assertUnauthorized(response);
        assertThat(readCommitted(broker, AUDIT)).hasSize(auditedBefore);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void answersA401ProblemToAWrongPasswordAndToAnUnknownAccountAlike(String path, String body, String role) {
        // when
        HttpResponse<String> wrongPassword = post(path, body, RoutingHarness.basic(role, "not-the-password"),
                "application/json", null);
        HttpResponse<String> unknown = post(path, body, RoutingHarness.basic("nobody", "nobody-password"),
                "application/json", null);

        // then
        assertUnauthorized(wrongPassword);
        assertUnauthorized(unknown);
        assertThat(unknown.body()).isEqualTo(wrongPassword.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void answersA403ProblemToAnAccountWithoutTheRoleAndAuditsTheRefusal(String path, String body, String role,
            String lacking) {
        // when
        HttpResponse<String> response = post(path, body, as(lacking), "application/json", null);

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("type").stringValue())
                .isEqualTo("urn:hotline:problem:access-denied");
        JsonNode audited = lastAuditedBy(lacking);
        assertThat(audited.get("action").stringValue()).isEqualTo(path.equals(PREVIEW) ? "routing.preview"
                : "directory.reload");
        assertThat(audited.get("outcome").stringValue()).isEqualTo("DENIED");
        assertThat(audited.get("httpStatus").intValue()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void letsTheAccountWithTheRoleInAndAuditsWhoDidWhatAndWhenInTheLogAndOnTheTopic(String path, String body,
            String role, String lacking, CapturedOutput output) {
        // when
        HttpResponse<String> response = post(path, body, as(role), "application/json", null);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        String action = path.equals(PREVIEW) ? "routing.preview" : "directory.reload";
        JsonNode audited = lastAuditedBy(role);
        EventSchemas.assertConforms("staff-action-audited.v1.schema.json", audited);
        assertThat(audited.get("principal").stringValue()).isEqualTo(role);
        assertThat(audited.get("roles").values()).extracting(JsonNode::stringValue)
                .containsExactly(role.substring("test-".length()).toUpperCase());
        assertThat(audited.get("action").stringValue()).isEqualTo(action);
        assertThat(audited.get("outcome").stringValue()).isEqualTo("SUCCEEDED");
        assertThat(audited.get("service").stringValue()).isEqualTo("routing-service");
        assertThat(output.getOut()).contains("staff action: principal=" + role)
                .contains("action=" + action + " outcome=SUCCEEDED status=200")
                .contains("eventId=" + audited.get("eventId").stringValue());
    }

    @Test
    void letsAnAdminPreviewAsStaffMay() {
        // when
        HttpResponse<String> response = post(PREVIEW, IntakeRequests.KOSTANAY_SCHOOL, as(ADMIN), "application/json",
                null);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void neverPutsTheComplainantsDataOrTheComplaintInTheAuditTrail(CapturedOutput output) {
        // when
        HttpResponse<String> response = post(PREVIEW, IntakeRequests.KOSTANAY_SCHOOL, as(STAFF), "application/json",
                null);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> audit = readCommitted(broker, AUDIT).stream()
                .map(record -> new String(record.value(), StandardCharsets.UTF_8)).toList();
        String log = output.getOut().lines().filter(line -> line.contains("staff action:")).reduce("", String::concat);
        for (String secret : List.of("A. S.", "+7 701 555 0101", "Pertsevka", "Secondary school No. 1",
                "demanded that I meet him")) {
            assertThat(audit).noneMatch(value -> value.contains(secret));
            assertThat(log).doesNotContain(secret);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void refusesACrossOriginFormPostEvenWhenTheBrowserSendsAValidCredential(String path, String body,
            String role) {
        // given
        int auditedBefore = readCommitted(broker, AUDIT).size();

        // when: a page on another site posts a form, and the browser adds the Basic credential it remembers
        HttpResponse<String> form = post(path, "rulesVersion=x", as(role), "application/x-www-form-urlencoded",
                "https://evil.example");
        HttpResponse<String> jsonFromElsewhere = post(path, body, as(role), "application/json",
                "https://evil.example");
        HttpResponse<String> nullOrigin = post(path, body, as(role), "application/json", "null");

        // then
        for (HttpResponse<String> response : List.of(form, jsonFromElsewhere, nullOrigin)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(response.body()).get("type").stringValue())
                    .isEqualTo("urn:hotline:problem:cross-origin-request");
        }
        assertThat(readCommitted(broker, AUDIT)).hasSize(auditedBefore);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void refusesAWriteThatIsNotDeclaredJsonSoThatNoHtmlFormCanSendIt(String path, String body, String role) {
        // when: a form post from a browser that sends no Origin
        HttpResponse<String> textPlain = post(path, body, as(role), "text/plain", null);
        HttpResponse<String> noType = post(path, body, as(role), null, null);

        // then
        for (HttpResponse<String> response : List.of(textPlain, noType)) {
            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(JSON.readTree(response.body()).get("type").stringValue())
                    .isEqualTo("urn:hotline:problem:unsupported-media-type");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void acceptsJsonFromTheServicesOwnOriginAndFromAnAllowedOrigin(String path, String body, String role) {
        // when
        HttpResponse<String> own = post(path, body, as(role), "application/json",
                "http://localhost:" + RoutingHarness.port(routing));
        HttpResponse<String> console = post(path, body, as(role), "application/json; charset=utf-8", CONSOLE);

        // then
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(console.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAnyOtherPathOfTheApi() {
        // when
        HttpResponse<String> anonymous = get(RoutingHarness.port(routing), "/api/v1/routing/other", null);
        HttpResponse<String> admin = get(RoutingHarness.port(routing), "/api/v1/routing/other", as(ADMIN));

        // then
        assertUnauthorized(anonymous);
        assertThat(admin.statusCode()).isEqualTo(403);
    }

    /** The Java HTTP client refuses to send such a request line, so it goes over a socket as a browser might. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/routing/%zz", "/api/v1/routing/{preview}"})
    void answersARequestLineTomcatRefusesWithAProblemNotAnHtmlPage(String target) throws IOException {
        // when
        String answer = sendRaw("POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");

        // then
        String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(head).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
                .containsIgnoringCase("Cache-Control: no-store")
                .containsIgnoringCase("Content-Security-Policy: default-src 'none'; frame-ancestors 'none'");
        assertThat(body).doesNotContain("<html", "Tomcat");
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.get("type").stringValue()).isEqualTo("urn:hotline:problem:request-rejected");
        assertThat(problem.get("status").intValue()).isEqualTo(400);
    }

    @Test
    void answersLivenessAndReadinessToAnyoneWithTheStatusAlone() {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            // when
            HttpResponse<String> anonymous = get(RoutingHarness.managementPort(routing), probe, null);
            HttpResponse<String> ops = get(RoutingHarness.managementPort(routing), probe, as(OPS));

            // then
            assertThat(anonymous.statusCode()).as(probe).isEqualTo(200);
            assertThat(JSON.readTree(anonymous.body())).as(probe).isEqualTo(JSON.readTree("{\"status\":\"UP\"}"));
            assertThat(JSON.readTree(ops.body())).as(probe).isEqualTo(JSON.readTree("{\"status\":\"UP\"}"));
        }
    }

    @Test
    void showsHealthDetailsAndMetricsOnlyToTheOpsRole() {
        int management = RoutingHarness.managementPort(routing);
        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator")) {
            // when
            HttpResponse<String> anonymous = get(management, path, null);
            HttpResponse<String> wrongPassword = get(management, path, RoutingHarness.basic(OPS, "guess"));
            HttpResponse<String> admin = get(management, path, as(ADMIN));
            HttpResponse<String> ops = get(management, path, as(OPS));

            // then
            assertUnauthorized(anonymous);
            assertUnauthorized(wrongPassword);
            assertThat(admin.statusCode()).as(path).isEqualTo(403);
            assertThat(ops.statusCode()).as(path).isEqualTo(200);
        }
        assertThat(get(management, "/actuator/health", as(OPS)).body()).contains("\"kafka\"", "\"directory\"",
                "\"diskSpace\"");
        assertThat(get(management, "/actuator/prometheus", as(OPS)).body())
                .contains("hotline_routing_rules_loaded");
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic realm=\"hotline\""));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").stringValue()).isEqualTo("urn:hotline:problem:authentication-required");
        assertThat(problem.get("status").intValue()).isEqualTo(401);
    }

    private static JsonNode lastAuditedBy(String principal) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !withKey(readCommitted(broker, AUDIT), principal).isEmpty());
        List<ConsumerRecord<String, byte[]>> records = withKey(readCommitted(broker, AUDIT), principal);
        ConsumerRecord<String, byte[]> last = records.get(records.size() - 1);
        assertThat(RoutingHarness.header(last, "ce_type")).isEqualTo("org.hotline.audit.staff-action.v1");
        assertThat(RoutingHarness.header(last, "ce_subject")).isEqualTo(principal);
        return JSON.readTree(last.value());
    }

    private static String as(String user) {
        return RoutingHarness.basic(user, user + "-password");
    }

    private static String sendRaw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RoutingHarness.port(routing))) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpResponse<String> post(String path, String body, String authorization, String contentType,
            String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RoutingHarness.port(routing) + path))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return RoutingHarness.send(request.build());
    }

    private static HttpResponse<String> get(int port, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return RoutingHarness.send(request.build());
    }
}
