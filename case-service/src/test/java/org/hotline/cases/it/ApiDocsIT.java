package org.hotline.cases.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.hotline.cases.casefile.domain.AnswerOutcome;
import org.hotline.cases.casefile.domain.AssignmentState;
import org.hotline.cases.casefile.domain.CaseState;
import org.hotline.cases.casefile.domain.ClosureReason;
import org.hotline.testsupport.OpenApiDocuments;
import org.hotline.testsupport.OpenApiDocuments.Operation;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document the case service serves says what its API takes, as the running service enforces it, and
 * each example is a request the service accepts: the document is read from the service, then its examples are sent.
 */
class ApiDocsIT {

    private static final Instant RECEIVED_AT = Instant.parse("2026-11-30T05:00:00Z");
    /** Thursday 10 December 2026, 11:00 in Almaty. */
    private static final Instant NOW = Instant.parse("2026-12-10T06:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STAFF = "test-staff";
    private static final String ADMIN = "test-admin";
    private static final String STATUS = "/api/v1/complaints/status";
    private static final String ASSIGNMENT = "/api/v1/cases/{reference}/assignments/{authorityId}";
    private static final String ACKNOWLEDGEMENT = ASSIGNMENT + "/acknowledgement";
    private static final String ANSWER = ASSIGNMENT + "/answer";
    private static final String HOLD = ASSIGNMENT + "/escalation-hold";
    private static final String ESCALATION = ASSIGNMENT + "/escalation";
    private static final String CLOSURE = "/api/v1/cases/{reference}/closure";
    private static final String ERASURE = "/api/v1/cases/{reference}/erasure";

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

    @Test
    void namesTheApiWithTheBuildsVersionAndDescribesEveryOperationItsErrorsAndWhoMayCallIt() {
        // given the document the running service serves
        JsonNode document = document();

        // then it is the case service's, of this build, with its seven operations and not the pages
        OpenApiDocuments.assertReadable(document);
        assertThat(document.at("/info/title").asString()).isEqualTo("Complaint hotline: case API");
        assertThat(document.at("/info/version").asString())
                .isEqualTo(service.getBean(BuildProperties.class).getVersion());
        assertThat(OpenApiDocuments.operations(document)).extracting(Operation::toString).containsExactlyInAnyOrder(
                "POST " + STATUS, "POST " + ACKNOWLEDGEMENT, "POST " + ANSWER, "POST " + HOLD, "POST " + ESCALATION,
                "POST " + CLOSURE, "POST " + ERASURE);
        // and the status is open to all, every caseworker's operation needs the staff's HTTP Basic login
        assertThat(operation(document, STATUS).node().path("security").isMissingNode()).isTrue();
        for (String path : List.of(ACKNOWLEDGEMENT, ANSWER, HOLD, ESCALATION, CLOSURE, ERASURE)) {
            assertThat(operation(document, path).node().path("security").toString()).as(path)
                    .isEqualTo("[{\"basic\":[]}]");
            assertThat(operation(document, path).node().path("responses").propertyNames()).as(path)
                    .contains("202", "401", "403", "404", "503");
        }
        // and each caseworker's record answers, in order, what they all share and its own 404 and 409
        List<String> records = List.of(ACKNOWLEDGEMENT, ANSWER, HOLD, ESCALATION, CLOSURE);
        for (String path : records) {
            JsonNode responses = operation(document, path).node().path("responses");
            assertThat(responses.propertyNames()).as(path)
                    .containsExactly("202", "400", "401", "403", "404", "409", "415", "503");
            assertThat(responses.at("/202/content/application~1json/schema/$ref").asString()).as(path)
                    .isEqualTo("#/components/schemas/Recorded");
            assertThat(responses.at("/503/description").asString()).as(path).startsWith("not-stored");
        }
        assertThat(records).map(path -> operation(document, path).node().at("/responses/409/description").asString())
                .doesNotHaveDuplicates();
        assertThat(operation(document, CLOSURE).node().at("/responses/404/description").asString())
                .isEqualTo("case-not-found");
        assertThat(document.at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
        assertThat(operation(document, STATUS).node().path("responses").propertyNames())
                .containsExactlyInAnyOrder("200", "400", "404", "415", "429", "503");
    }

    @Test
    void listsEveryValueTheServiceTakesAndAnswers() {
        // given the document
        JsonNode document = document();
        JsonNode answer = OpenApiDocuments.requestSchema(document, operation(document, ANSWER));
        JsonNode closure = OpenApiDocuments.requestSchema(document, operation(document, CLOSURE));
        JsonNode status = OpenApiDocuments.resolve(document, operation(document, STATUS).node()
                .at("/responses/200/content/application~1json/schema"));
        JsonNode body = OpenApiDocuments.resolve(document, status.at("/properties/assignments/items"));

        // then each enumeration is the service's own, value for value
        assertThat(values(document, answer, "/properties/outcome")).isEqualTo(names(AnswerOutcome.values()));
        assertThat(values(document, closure, "/properties/reason")).isEqualTo(names(ClosureReason.values()));
        assertThat(values(document, status, "/properties/state")).isEqualTo(names(CaseState.values()));
        assertThat(values(document, status, "/properties/closureReason")).isEqualTo(names(ClosureReason.values()));
        assertThat(values(document, body, "/properties/state")).isEqualTo(names(AssignmentState.values()));
        assertThat(values(document, body, "/properties/answer")).isEqualTo(names(AnswerOutcome.values()));
        // and the lengths the service allows
        JsonNode request = OpenApiDocuments.requestSchema(document, operation(document, STATUS));
        assertThat(request.at("/properties/reference/maxLength").asInt()).isEqualTo(64);
        assertThat(request.at("/properties/trackingCode/maxLength").asInt()).isEqualTo(64);
        assertThat(answer.at("/properties/forwardedTo/maxLength").asInt()).isEqualTo(200);
        assertThat(answer.at("/properties/reason/maxLength").asInt()).isEqualTo(1000);
    }

    @Test
    void marksRequiredExactlyTheFieldsTheServiceRefusesToGoWithout() {
        // given a case the caseworkers may record on, and the document's request bodies
        CaseEvents complaint = routedComplaint();
        JsonNode document = document();

        for (String path : List.of(STATUS, ACKNOWLEDGEMENT, ANSWER, HOLD, ESCALATION, CLOSURE)) {
            // when an empty object is sent to the operation, as STAFF on that case
            HttpResponse<String> response = post(url(path, complaint.reference, "kz-39-police"), STAFF, "{}");

            // then it is refused for the lack of exactly the fields the document marks required
            JsonNode schema = OpenApiDocuments.requestSchema(document, operation(document, path));
            assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("errors").values()).as(path)
                    .extracting(error -> error.path("field").asString())
                    .containsExactlyInAnyOrderElementsOf(schema.path("required").values().stream()
                            .map(JsonNode::asString).toList());
        }
    }

    @Test
    void acceptsTheDocumentsExamples() {
        // given a case the caseworkers may record on, and the document's examples
        CaseEvents complaint = routedComplaint();
        JsonNode document = document();

        // when the status example is sent: its reference is no case's, which is not a mistake in the request
        HttpResponse<String> status = post(url(STATUS, "", ""), null, example(document, STATUS));
        // and the caseworker's examples, on the case's body, as STAFF
        HttpResponse<String> acknowledged = post(url(ACKNOWLEDGEMENT, complaint.reference, "kz-39-education"),
                STAFF, example(document, ACKNOWLEDGEMENT));
        HttpResponse<String> answered = post(url(ANSWER, complaint.reference, "kz-39-education"), STAFF,
                example(document, ANSWER));
        HttpResponse<String> held = post(url(HOLD, complaint.reference, "kz-39-police"), STAFF,
                example(document, HOLD));
        HttpResponse<String> escalated = post(url(ESCALATION, complaint.reference, "kz-39-police"), STAFF,
                example(document, ESCALATION));
        HttpResponse<String> closed = post(url(CLOSURE, complaint.reference, ""), STAFF, example(document, CLOSURE));
        // and the erasure's, as ADMIN, on the reference of the document's example
        Operation erasure = operation(document, ERASURE);
        HttpResponse<String> erased = post(url(ERASURE, OpenApiDocuments.parameterExample(erasure, "reference")
                .asString(), ""), ADMIN, example(document, ERASURE));

        // then each passes the service's checks: the caseworker's are recorded, the others find no case
        assertThat(status.statusCode()).as(status.body()).isEqualTo(404);
        assertThat(problemType(status)).isEqualTo("urn:hotline:problem:case-not-found");
        assertThat(List.of(acknowledged, answered, held, escalated, closed)).allSatisfy(response ->
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202));
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(404);
        assertThat(problemType(erased)).isEqualTo("urn:hotline:problem:case-not-found");
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(JSON.readTree(statusOf(complaint).body()).path("state").asString()).isEqualTo("CLOSED"));
    }

    @Test
    void servesSwaggerUiWithoutTheApisPolicyAndKeepsThePagesStrictPolicy() {
        // when Swagger UI, the document and the status page are fetched without an account
        HttpResponse<String> ui = get("/swagger-ui/index.html");
        HttpResponse<String> document = get("/api-docs");
        HttpResponse<String> page = get("/status");

        // then each is served, the page that runs Swagger's scripts alone without a policy
        assertThat(List.of(ui.statusCode(), document.statusCode(), page.statusCode())).containsOnly(200);
        assertThat(ui.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(document.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'", "frame-ancestors 'none'").doesNotContain("script-src");
        // and what is neither API nor page nor description is still not served
        assertThat(get("/swagger-config").statusCode()).isEqualTo(404);
    }

    private static CaseEvents routedComplaint() {
        CaseEvents complaint = new CaseEvents(RECEIVED_AT);
        CaseHarness.publishTold(broker, complaint);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> JSON.readTree(statusOf(complaint).body()).path("assignments").values().stream()
                        .filter(body -> !"AWAITING_NOTICE".equals(body.path("state").asString())).count() == 2);
        return complaint;
    }

    private static HttpResponse<String> statusOf(CaseEvents complaint) {
        return post(url(STATUS, "", ""), null, JSON.writeValueAsString(Map.of("reference", complaint.reference,
                "trackingCode", CaseEvents.TRACKING_CODE)));
    }

    private static JsonNode document() {
        HttpResponse<String> response = get("/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static Operation operation(JsonNode document, String path) {
        return OpenApiDocuments.operation(document, "post", path);
    }

    private static String example(JsonNode document, String path) {
        JsonNode example = OpenApiDocuments.requestExample(document, operation(document, path));
        assertThat(example.isObject()).as(path + " example").isTrue();
        return JSON.writeValueAsString(example);
    }

    private static List<String> values(JsonNode document, JsonNode schema, String pointer) {
        return OpenApiDocuments.allowedValues(OpenApiDocuments.resolve(document, schema.at(pointer)), "");
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static String url(String path, String reference, String authorityId) {
        return "http://localhost:" + CaseHarness.port(service, "local.server.port")
                + path.replace("{reference}", reference).replace("{authorityId}", authorityId);
    }

    private static HttpResponse<String> get(String path) {
        return CaseHarness.send(HttpRequest.newBuilder(URI.create(url(path, "", ""))).GET());
    }

    private static HttpResponse<String> post(String url, @Nullable String user, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + user + "-password").getBytes(StandardCharsets.UTF_8)));
        }
        return CaseHarness.send(request);
    }

    private static String problemType(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("type").asString();
    }
}
