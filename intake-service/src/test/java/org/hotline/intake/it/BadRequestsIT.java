package org.hotline.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.intake.it.IntakeHarness.readCommittedIncluding;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
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
 * A table of bad requests, each answered with its status and an RFC 9457 problem detail naming the bad field,
 * and none of which leaves a record on the topic.
 */
class BadRequestsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOPIC = "bad-requests.complaints.received.v1";
    private static final String GOOD = Requests.ALMATY_ANALYST;
    /** The complaints a test here meant to be accepted: the only records the topic may hold besides the sentinel. */
    private static final List<String> ACCEPTED = new CopyOnWriteArrayList<>();

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext intake;

    @BeforeAll
    static void start() {
        broker = IntakeHarness.startBroker();
        intake = IntakeHarness.startIntake(broker, "hotline.intake.topics.complaints=" + TOPIC);
    }

    @AfterAll
    static void stop() {
        try {
            noBadRequestLeftARecord();
        } finally {
            intake.close();
            broker.destroy();
        }
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("no categories", replace(GOOD, "[\"SEXUAL_HARASSMENT\", \"RETALIATION\"]", "[]"),
                        "invalid-complaint", "incident.categories"),
                bad("unknown category", replace(GOOD, "\"RETALIATION\"", "\"BULLYING\""),
                        "invalid-complaint", "incident.categories[1]"),
                bad("category not a string", replace(GOOD, "\"RETALIATION\"", "7"),
                        "invalid-complaint", "incident.categories[1]"),
                bad("categories not an array", replace(GOOD, "[\"SEXUAL_HARASSMENT\", \"RETALIATION\"]",
                        "\"SEXUAL_HARASSMENT\""), "invalid-complaint", "incident.categories"),
                bad("no description", GOOD.replaceAll("\"description\": \"[^\"]*\",", ""),
                        "invalid-complaint", "incident.description"),
                bad("blank description", GOOD.replaceAll("\"description\": \"[^\"]*\"", "\"description\": \" \\\\t \""),
                        "invalid-complaint", "incident.description"),
                bad("description of 10,001 characters", GOOD.replaceAll("\"description\": \"[^\"]*\"",
                        "\"description\": \"" + "x".repeat(10_001) + "\""), "invalid-complaint",
                        "incident.description"),
                bad("incident in the future", replace(GOOD, "2024-03-01", "2999-03-01"),
                        "invalid-complaint", "incident.occurredOn"),
                bad("date not ISO", replace(GOOD, "2024-03-01", "01.03.2024"),
                        "invalid-complaint", "incident.occurredOn"),
                bad("ongoing not a boolean", replace(GOOD, "\"ongoing\": false", "\"ongoing\": \"no\""),
                        "invalid-complaint", "incident.ongoing"),
                bad("country name instead of code", replace(GOOD, "\"country\": \"KZ\"", "\"country\": \"Kazakhstan\""),
                        "invalid-complaint", "location.country"),
                bad("country that does not exist", replace(GOOD, "\"country\": \"KZ\"", "\"country\": \"XK\""),
                        "invalid-complaint", "location.country"),
                bad("region not of Kazakhstan", replace(GOOD, "KZ-75", "UZ-TO"),
                        "invalid-complaint", "location.region"),
                bad("region code never issued", replace(GOOD, "KZ-75", "KZ-99"),
                        "invalid-complaint", "location.region"),
                bad("district of 8 digits", replace(Requests.KOSTANAY_SCHOOL, "392410000", "39241000"),
                        "invalid-complaint", "location.districtCode"),
                bad("district outside the region", replace(Requests.KOSTANAY_SCHOOL, "392410000", "751010000"),
                        "invalid-complaint", "location.districtCode"),
                bad("no location", GOOD.replaceAll("\"location\": \\{[^}]*},", ""),
                        "invalid-complaint", "location"),
                bad("no channel", replace(GOOD, "\"channel\": \"WEB\",", ""), "invalid-complaint", "channel"),
                bad("unknown channel", replace(GOOD, "\"WEB\"", "\"FAX\""), "invalid-complaint", "channel"),
                bad("unsupported language", replace(GOOD, "\"language\": \"en\"", "\"language\": \"de\""),
                        "invalid-complaint", "language"),
                bad("unknown sector", replace(GOOD, "\"PRIVATE\"", "\"CORPORATE\""),
                        "invalid-complaint", "workplace.sector"),
                bad("unknown accused role", replace(GOOD, "\"SUPERVISOR\"", "\"BOSS\""),
                        "invalid-complaint", "accused.role"),
                bad("no complainant", GOOD.replaceAll(",\\s*\"complainant\": \\{[^}]*}", ""),
                        "invalid-complaint", "complainant"),
                bad("unknown mode", replace(GOOD, "\"OPEN\"", "\"SECRET\""), "invalid-complaint",
                        "complainant.mode"),
                bad("open complaint without contact", replace(GOOD, "\"email\": \"dana@example.org\", ", ""),
                        "invalid-complaint", "complainant"),
                bad("confidential complaint without contact", replace(replace(GOOD, "\"OPEN\"", "\"CONFIDENTIAL\""),
                        "\"email\": \"dana@example.org\", ", ""), "invalid-complaint", "complainant"),
                bad("email without domain", replace(GOOD, "dana@example.org", "dana@"),
                        "invalid-complaint", "complainant.email"),
                bad("phone with letters", replace(GOOD, "\"email\": \"dana@example.org\"", "\"phone\": \"call Dana\""),
                        "invalid-complaint", "complainant.phone"),
                bad("unsupported preferred language", replace(GOOD, "\"preferredLanguage\": \"en\"",
                        "\"preferredLanguage\": \"fr\""), "invalid-complaint", "complainant.preferredLanguage"),
                bad("unknown top-level field", replace(GOOD, "\"channel\": \"WEB\",",
                        "\"channel\": \"WEB\", \"priority\": \"HIGH\","), "invalid-complaint", "priority"),
                bad("unknown nested field", replace(GOOD, "\"ongoing\": false", "\"ongoing\": false, \"severity\": 3"),
                        "invalid-complaint", "incident.severity"),
                bad("object where a string belongs", replace(GOOD, "\"WEB\"", "{ \"name\": \"WEB\" }"),
                        "invalid-complaint", "channel"),
                bad("body is an array", "[" + GOOD + "]", "invalid-complaint", "$"),
                bad("not JSON", "channel=WEB&language=en", "malformed-json", null),
                bad("truncated JSON", GOOD.substring(0, GOOD.length() / 2), "malformed-json", null),
                bad("a key given twice", replace(GOOD, "\"channel\": \"WEB\",", "\"channel\": \"WEB\", \"channel\": \"HOTLINE\","),
                        "malformed-json", null),
                bad("trailing content after the object", GOOD + " {}", "malformed-json", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void refusesABadRequestNamingTheFieldAndPublishesNothing(String name, String body, String type,
            String field) {
        HttpResponse<String> response = IntakeHarness.postJson(intake, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertProblem(response, type);
        if (field != null) {
            JsonNode errors = JSON.readTree(response.body()).get("errors");
            List<String> fields = new ArrayList<>();
            errors.values().forEach(error -> fields.add(error.get("field").stringValue()));
            assertThat(fields).contains(field);
        }
    }

    @Test
    void refusesABodyAbove64KibWith413() {
        String huge = GOOD.replace("\"Almaty\"", "\"" + "a".repeat(70_000) + "\"");

        HttpResponse<String> response = IntakeHarness.postJson(intake, huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertProblem(response, "payload-too-large");
    }

    @Test
    void refusesAWrongContentTypeWith415() {
        HttpResponse<String> response = IntakeHarness.post(intake, "text/plain",
                GOOD.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void forbidsCachingAndSniffingOfEveryAnswerTheReceiptAndEveryKindOfProblemAlike() {
        // A client retries a 503 with the same key; on a loaded machine the first transaction may time out.
        String key = "headers-" + UUID.randomUUID();
        HttpResponse<String> receipt = await().atMost(Duration.ofSeconds(60))
                .until(() -> IntakeHarness.postJson(intake, GOOD, "Idempotency-Key", key),
                        response -> response.statusCode() != 503);
        HttpResponse<String> invalid = IntakeHarness.postJson(intake, replace(GOOD, "\"WEB\"", "\"FAX\""));
        HttpResponse<String> malformed = IntakeHarness.postJson(intake, "{");
        HttpResponse<String> wrongType = IntakeHarness.post(intake, "text/plain", GOOD.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> unknownPath = IntakeHarness.get("http://localhost:" + IntakeHarness.port(intake)
                + "/api/v1/nothing-here");

        assertThat(List.of(receipt, invalid, malformed, wrongType, unknownPath))
                .extracting(HttpResponse::statusCode).containsExactly(202, 400, 400, 415, 404);
        ACCEPTED.add(JSON.readTree(receipt.body()).get("complaintId").stringValue());
        for (HttpResponse<String> response : List.of(receipt, invalid, malformed, wrongType, unknownPath)) {
            assertThat(response.headers().firstValue("Cache-Control")).as("%s", response).hasValue("no-store");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as("%s", response).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as("%s", response).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as("%s", response)
                    .hasValue("default-src 'none'; frame-ancestors 'none'");
        }
    }

    @Test
    void refusesAnAnonymousComplaintThatNamesItsComplainantWith422ExplainingTheMode() {
        String anonymousNamed = replace(GOOD, "\"OPEN\"", "\"ANONYMOUS\"");

        HttpResponse<String> response = IntakeHarness.postJson(intake, anonymousNamed);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertProblem(response, "identity-in-anonymous-complaint");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("detail").stringValue()).contains("ANONYMOUS", "Leave out", "CONFIDENTIAL", "OPEN");
        assertThat(problem.get("errors").values()).extracting(error -> error.get("field").stringValue())
                .containsExactly("complainant.name", "complainant.email");
        assertThat(response.body()).doesNotContain("dana@example.org", "Dana");
    }

    @Test
    void refusesAnIdempotencyKeyThatIsNotVisibleAscii() {
        HttpResponse<String> response = IntakeHarness.postJson(intake, GOOD, "Idempotency-Key", "x".repeat(300));

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "invalid-idempotency-key");
    }

    @Test
    void refusesAnUnpairedSurrogateWith422NamingTheFieldAndStoresNothing() {
        String body = replace(GOOD, "Example Capital LLP", "Example \\ud800 Capital");

        HttpResponse<String> response = IntakeHarness.postJson(intake, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertProblem(response, "invalid-text");
        assertThat(JSON.readTree(response.body()).get("errors").values())
                .extracting(error -> error.get("field").stringValue()).containsExactly("workplace.organizationName");
    }

    @Test
    void repeatsAnUnknownFieldsNameCutToFortyCharactersWithoutControlCharacters() {
        String body = replace(GOOD, "\"channel\": \"WEB\",",
                "\"channel\": \"WEB\", \"\\u001b[31m" + "p".repeat(5000) + "\": 1,");

        HttpResponse<String> response = IntakeHarness.postJson(intake, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertProblem(response, "invalid-complaint");
        assertThat(JSON.readTree(response.body()).get("errors").values())
                .extracting(error -> error.get("field").stringValue())
                .containsExactly("[31m" + "p".repeat(36) + "…");
    }

    @Test
    void refusesAnIdempotencyKeyLongerThan255CharactersThatTomcatStillLetsThrough() {
        HttpResponse<String> response = IntakeHarness.postJson(intake, GOOD, "Idempotency-Key", "k".repeat(5000));

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "invalid-idempotency-key");
    }

    @Test
    void answersHeadersTooLargeForTomcatWithAProblemNotAnHtmlPage() {
        HttpResponse<String> response = IntakeHarness.postJson(intake, GOOD, "Idempotency-Key", "k".repeat(20_000));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertProblem(response, "request-rejected");
        assertThat(response.body()).doesNotContain("<html", "Tomcat", "kkkk").contains("8 KiB");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void namesEveryBadFieldOfOneRequest() {
        String body = replace(replace(replace(GOOD, "\"WEB\"", "\"FAX\""), "KZ-75", "KZ-00"), "dana@example.org",
                "dana");

        HttpResponse<String> response = IntakeHarness.postJson(intake, body);

        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("errors").values()).extracting(error -> error.get("field").stringValue())
                .containsExactlyInAnyOrder("channel", "location.region", "complainant.email");
        assertThat(problem.get("detail").stringValue()).isEqualTo("3 field(s) need fixing; see errors.");
    }

    /**
     * After every bad request has been answered: publishes one good complaint and finds exactly that one on
     * the topic (with those a test accepted on purpose), which proves the reader sees what is there and that no
     * bad request left anything.
     */
    private static void noBadRequestLeftARecord() {
        String sentinel = "sentinel-" + UUID.randomUUID();
        // Retried on 503 with the same key, as a client would: when this class's tests run alone, this can be the
        // first transaction on a cold broker, and on a loaded machine it may time out.
        HttpResponse<String> accepted = await().atMost(Duration.ofSeconds(60))
                .until(() -> IntakeHarness.postJson(intake, GOOD, "Idempotency-Key", sentinel),
                        response -> response.statusCode() != 503);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String complaintId = JSON.readTree(accepted.body()).get("complaintId").stringValue();

        List<String> expected = new ArrayList<>(ACCEPTED);
        expected.add(complaintId);
        assertThat(readCommittedIncluding(broker, TOPIC, expected)).extracting(record -> record.key())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private static void assertProblem(HttpResponse<String> response, String type) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").stringValue()).isEqualTo("urn:hotline:problem:" + type);
        assertThat(problem.get("status").intValue()).isEqualTo(response.statusCode());
        assertThat(problem.get("title").stringValue()).isNotBlank();
    }

    private static Arguments bad(String name, String body, String type, String field) {
        assertThat(body).as("the case '%s' must change the good request", name).isNotEqualTo(GOOD);
        return Arguments.of(name, body, type, field);
    }

    private static String replace(String body, String target, String replacement) {
        assertThat(body).as("the good request must contain %s", target).contains(target);
        return body.replace(target, replacement);
    }
}
