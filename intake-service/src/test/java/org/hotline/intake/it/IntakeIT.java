package org.hotline.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.intake.it.IntakeHarness.COMPLAINTS;
import static org.hotline.intake.it.IntakeHarness.TEST_SEALING_KEY;
import static org.hotline.intake.it.IntakeHarness.header;
import static org.hotline.intake.it.IntakeHarness.postJson;
import static org.hotline.intake.it.IntakeHarness.readCommittedIncluding;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.intake.IntakeApplication;
import org.hotline.intake.sealing.domain.FieldSealer;
import org.hotline.intake.sealing.domain.SealedValue;
import org.hotline.intake.sealing.domain.SealingException;
import org.hotline.testsupport.EventSchemas;
import org.hotline.testsupport.ScrapePages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The intake service against a real KRaft broker: what a client sees and what lands on the topic. */
class IntakeIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext intake;

    @BeforeAll
    static void start() {
        broker = IntakeHarness.startBroker();
        intake = IntakeHarness.startIntake(broker);
    }

    @AfterAll
    static void stop() {
        intake.close();
        broker.destroy();
    }

    @Test
    void acceptsAComplaintOnlyOnceItIsOnTheTopicSealedAndKeyedByItsId() {
        HttpResponse<String> response = postJson(intake, Requests.KOSTANAY_SCHOOL);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode receipt = JSON.readTree(response.body());
        String complaintId = receipt.get("complaintId").stringValue();
        assertThat(UUID.fromString(complaintId).version()).isEqualTo(4);
        assertThat(receipt.get("reference").stringValue()).matches("HL-\\w{4}-\\w{4}-\\w{4}");
        assertThat(receipt.get("trackingCode").stringValue()).matches("(\\w{4}-){3}\\w{4}");
        assertThat(receipt.get("receivedAt").stringValue()).endsWith("Z");

        List<ConsumerRecord<String, byte[]>> records = recordsOf(complaintId);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        String raw = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain("Айгуль", "Сапарова", "701 555", "aigul.saparova", "Директор",
                receipt.get("trackingCode").stringValue());

        JsonNode event = JSON.readTree(record.value());
        assertThat(event.get("eventType").stringValue()).isEqualTo("ComplaintReceived");
        assertThat(event.get("schemaVersion").intValue()).isEqualTo(1);
        assertThat(event.get("complaintId").stringValue()).isEqualTo(complaintId);
        assertThat(event.get("reference").stringValue()).isEqualTo(receipt.get("reference").stringValue());
        assertThat(event.at("/location/region").stringValue()).isEqualTo("KZ-39");
        assertThat(event.at("/location/districtCode").stringValue()).isEqualTo("392410000");
        assertThat(event.at("/workplace/type").stringValue()).isEqualTo("SCHOOL");
        assertThat(event.at("/accused/role").stringValue()).isEqualTo("HEAD_OF_ORGANIZATION");
        assertThat(event.at("/accused/publicOfficial").booleanValue()).isTrue();
        assertThat(event.at("/complainant/mode").stringValue()).isEqualTo("CONFIDENTIAL");
        assertThat(event.at("/incident/categories").toString()).isEqualTo("[\"SEXUAL_HARASSMENT\",\"EXTORTION\"]");

        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(event.get("eventId").stringValue());
        assertThat(header(record, "ce_type")).isEqualTo("org.hotline.complaint.received.v1");
        assertThat(header(record, "ce_source")).isEqualTo("urn:hotline:intake-service");
        assertThat(header(record, "ce_time")).isEqualTo(event.get("occurredAt").stringValue());
        assertThat(header(record, "content-type")).isEqualTo("application/json");
    }

    @Test
    void sealsTheDescriptionAndIdentityUnderTheComplaintsOwnKeyWhichTravelsOnlyWrappedOnTheKeysTopic() {
        // given two complaints accepted
        String complaintId = accepted(postJson(intake, Requests.KOSTANAY_SCHOOL)).get("complaintId").stringValue();
        String otherId = accepted(postJson(intake, Requests.ALMATY_ANALYST)).get("complaintId").stringValue();

        // when the first one's event is read
        JsonNode event = JSON.readTree(recordsOf(complaintId).get(0).value());

        // then its sealed values name the complaint's key, and open with it (unwrapped from the keys topic)
        SealedValue description = IntakeHarness.sealedValue(event.at("/incident/description"));
        SealedValue identity = IntakeHarness.sealedValue(event.at("/complainant/sealed"));
        assertThat(List.of(description.keyId(), identity.keyId())).containsOnly(SealedValue.COMPLAINT_KEY);
        assertThat(new String(IntakeHarness.openSealed(broker, complaintId, event.at("/incident/description"),
                "incident.description"), StandardCharsets.UTF_8)).startsWith("Директор школы");
        JsonNode who = JSON.readTree(IntakeHarness.openSealed(broker, complaintId, event.at("/complainant/sealed"),
                "complainant"));
        assertThat(who.get("name").stringValue()).isEqualTo("Айгуль Сапарова");
        assertThat(who.get("phone").stringValue()).isEqualTo("+7 701 555 0199");
        assertThat(who.get("preferredLanguage").stringValue()).isEqualTo("kk");
        assertThat(who.get("consentToContact").booleanValue()).isTrue();
        assertThat(who.get("trackingCode").stringValue()).matches("(\\w{4}-){3}\\w{4}");

        // and neither the service key itself, nor another complaint's key, nor a wrong service key opens them
        String context = "complaints.received.v1/" + complaintId + "/complainant";
        assertThatThrownBy(() -> TEST_SEALING_KEY.open(identity, context)).isInstanceOf(SealingException.class);
        byte[] othersKey = IntakeHarness.dataKey(broker, otherId);
        assertThatThrownBy(() -> TEST_SEALING_KEY.open(othersKey, identity, context))
                .isInstanceOf(SealingException.class);
        JsonNode wrapped = JSON.readTree(IntakeHarness.keyRecord(broker, complaintId).value()).get("wrapped");
        FieldSealer otherServiceKey = new FieldSealer("test-1", Map.of("test-1", new byte[32]));
        assertThatThrownBy(() -> otherServiceKey.open(IntakeHarness.sealedValue(wrapped),
                IntakeHarness.KEYS + "/" + complaintId)).isInstanceOf(SealingException.class);
    }

    @Test
    void answersARetryWithTheFirstReceiptAndPublishesOnce() {
        String key = "retry-" + UUID.randomUUID();

        JsonNode first = accepted(postJson(intake, Requests.ALMATY_ANALYST, "Idempotency-Key", key));
        JsonNode second = accepted(postJson(intake, Requests.ALMATY_ANALYST, "Idempotency-Key", key));

        assertThat(second).isEqualTo(first);
        assertThat(UUID.fromString(first.get("complaintId").stringValue()).version()).isEqualTo(8);
        assertThat(recordsOf(first.get("complaintId").stringValue())).hasSize(1);
    }

    @Test
    void treatsReformattedJsonWithTheSameContentAsARetry() {
        String key = "reformatted-" + UUID.randomUUID();
        JsonNode first = accepted(postJson(intake, Requests.ALMATY_ANALYST, "Idempotency-Key", key));

        String compact = JSON.readTree(Requests.ALMATY_ANALYST).toString();
        JsonNode second = accepted(postJson(intake, compact, "Idempotency-Key", key));

        assertThat(second.get("complaintId")).isEqualTo(first.get("complaintId"));
    }

    @Test
    void refusesAnIdempotencyKeyReusedForADifferentComplaint() {
        String key = "reused-" + UUID.randomUUID();
        JsonNode first = accepted(postJson(intake, Requests.ALMATY_ANALYST, "Idempotency-Key", key));

        HttpResponse<String> reuse = postJson(intake, Requests.KOSTANAY_SCHOOL, "Idempotency-Key", key);

        assertThat(reuse.statusCode()).isEqualTo(422);
        assertThat(reuse.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(reuse.body()).get("type").stringValue())
                .isEqualTo("urn:hotline:problem:idempotency-key-reused");
        assertThat(recordsOf(first.get("complaintId").stringValue())).hasSize(1);
    }

    @Test
    void remembersIdempotencyKeysAcrossARestartOfTheService() {
        String key = "restart-" + UUID.randomUUID();
        JsonNode first = accepted(postJson(intake, Requests.KOSTANAY_SCHOOL, "Idempotency-Key", key));

        try (ConfigurableApplicationContext restarted = IntakeHarness.startIntake(broker)) {
            JsonNode retried = accepted(postJson(restarted, Requests.KOSTANAY_SCHOOL, "Idempotency-Key", key));
            HttpResponse<String> reuse = postJson(restarted, Requests.ALMATY_ANALYST, "Idempotency-Key", key);

            assertThat(retried).isEqualTo(first);
            assertThat(reuse.statusCode()).isEqualTo(422);
        }
        assertThat(recordsOf(first.get("complaintId").stringValue())).hasSize(1);
    }

    @Test
    void recordsBothTheRetiredRegionCodeAndTheCurrentOne() {
        String body = Requests.KOSTANAY_SCHOOL.replace("\"KZ-39\"", "\"KZ-KUS\"");

        String complaintId = accepted(postJson(intake, body)).get("complaintId").stringValue();

        JsonNode event = JSON.readTree(recordsOf(complaintId).get(0).value());
        assertThat(event.at("/location/region").stringValue()).isEqualTo("KZ-39");
        assertThat(event.at("/location/regionAsSubmitted").stringValue()).isEqualTo("KZ-KUS");
        assertThat(event.at("/location/regionKnown").booleanValue()).isTrue();
    }

    @Test
    void acceptsAComplaintFromACountryWithoutASubdivisionList() {
        String body = Requests.MINIMAL_ANONYMOUS.replace("{ \"country\": \"KZ\" }",
                "{ \"country\": \"RU\", \"region\": \"Омская область\" }");

        String complaintId = accepted(postJson(intake, body)).get("complaintId").stringValue();

        JsonNode event = JSON.readTree(recordsOf(complaintId).get(0).value());
        assertThat(event.at("/location/country").stringValue()).isEqualTo("RU");
        assertThat(event.at("/location/region").stringValue()).isEqualTo("Омская область");
        assertThat(event.at("/location/regionKnown").booleanValue()).isFalse();
    }

    @Test
    void countsAcceptedComplaintsWithoutAnyPersonalDataInTheMetrics() {
        accepted(postJson(intake, Requests.KOSTANAY_SCHOOL));
        postJson(intake, "{ not json");

        String metrics = IntakeHarness.getAs("test-ops", "test-ops-password", "http://localhost:"
                + IntakeHarness.managementPort(intake) + "/actuator/prometheus").body();

        assertThat(metrics).containsPattern("hotline_intake_complaints_accepted_total\\{[^}]*category=\"EXTORTION\""
                + "[^}]*channel=\"HOTLINE\"[^}]*country=\"KZ\"[^}]*region=\"KZ-39\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("hotline_intake_complaints_rejected_total\\{[^}]*reason=\"malformed_json\"");
        assertThat(metrics).containsPattern("hotline_intake_publish_seconds_count\\{[^}]*outcome=\"committed\"");
        assertThat(metrics).doesNotContain("Айгуль", "aigul", "701 555", "Директор", "Pertsevka");
    }

    @Test
    void putsTheTracesIdsOnlyWhereEveryPrometheusReadsThem() {
        // given a complaint accepted, which the counters and the publish timer saw within its trace
        accepted(postJson(intake, Requests.KOSTANAY_SCHOOL));

        // when Prometheus scrapes, asking for OpenMetrics
        HttpResponse<String> page = IntakeHarness.scrape(intake);

        // then the trace's id is beside counters and buckets, and on no _count, which Prometheus 2.42 would refuse
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/openmetrics-text"));
        assertThat(ScrapePages.withExemplars(page.body())).anyMatch(sample ->
                sample.startsWith("hotline_intake_complaints_accepted_total"));
        assertThat(ScrapePages.misplacedExemplars(page.body())).isEmpty();
    }

    @Test
    void exposesHealthAndMetricsOnlyOnTheManagementPort() {
        String management = "http://localhost:" + IntakeHarness.managementPort(intake);
        String api = "http://localhost:" + IntakeHarness.port(intake);

        HttpResponse<String> health = IntakeHarness.getAs("test-ops", "test-ops-password",
                management + "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"kafka\"", "\"groupCommit\"", "\"idempotencyLedger\"");
        assertThat(IntakeHarness.getAs("test-ops", "test-ops-password", management + "/actuator/env").statusCode())
                .isEqualTo(404);
        assertThat(IntakeHarness.get(api + "/actuator/health").statusCode()).isEqualTo(404);
    }

    @Test
    void answersLivenessAndReadinessToAnyoneWithTheStatusAlone() {
        String management = "http://localhost:" + IntakeHarness.managementPort(intake);

        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> anonymous = IntakeHarness.get(management + probe);
            HttpResponse<String> ops = IntakeHarness.getAs("test-ops", "test-ops-password", management + probe);

            assertThat(anonymous.statusCode()).as(probe).isEqualTo(200);
            assertThat(JSON.readTree(anonymous.body())).as(probe).isEqualTo(JSON.readTree("{\"status\":\"UP\"}"));
            assertThat(JSON.readTree(ops.body())).as(probe).isEqualTo(JSON.readTree("{\"status\":\"UP\"}"));
        }
    }

    @Test
    void showsHealthDetailsAndMetricsOnlyToTheOpsRole() {
        String management = "http://localhost:" + IntakeHarness.managementPort(intake);

        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator")) {
            HttpResponse<String> anonymous = IntakeHarness.get(management + path);
            HttpResponse<String> wrongPassword = IntakeHarness.getAs("test-ops", "guess", management + path);
            HttpResponse<String> unknown = IntakeHarness.getAs("nobody", "nobody-password", management + path);
            HttpResponse<String> staff = IntakeHarness.getAs("test-staff", "test-staff-password", management + path);
            HttpResponse<String> ops = IntakeHarness.getAs("test-ops", "test-ops-password", management + path);

            for (HttpResponse<String> refused : List.of(anonymous, wrongPassword, unknown)) {
                assertThat(refused.statusCode()).as(path).isEqualTo(401);
                assertThat(refused.headers().firstValue("WWW-Authenticate")).as(path)
                        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic realm=\"hotline\""));
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(JSON.readTree(refused.body()).get("type").stringValue())
                        .isEqualTo("urn:hotline:problem:authentication-required");
            }
            assertThat(staff.statusCode()).as(path).isEqualTo(403);
            assertThat(JSON.readTree(staff.body()).get("type").stringValue())
                    .isEqualTo("urn:hotline:problem:access-denied");
            assertThat(ops.statusCode()).as(path).isEqualTo(200);
            assertThat(ops.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void acceptsAComplaintWithoutACredentialAndIgnoresAWrongOne() {
        HttpResponse<String> anonymous = postJson(intake, Requests.KOSTANAY_SCHOOL);
        HttpResponse<String> wrong = postJson(intake, Requests.KOSTANAY_SCHOOL,
                "Authorization", IntakeHarness.basic("nobody", "guess"));

        assertThat(anonymous.statusCode()).isEqualTo(202);
        assertThat(wrong.statusCode()).isEqualTo(202);
    }

    @Test
    void servesAnOpenApiDocumentForTheComplaintsEndpoint() {
        HttpResponse<String> document = IntakeHarness.get("http://localhost:" + IntakeHarness.port(intake)
                + "/api-docs");

        assertThat(document.statusCode()).isEqualTo(200);
        JsonNode openApi = JSON.readTree(document.body());
        assertThat(openApi.at("/paths/~1api~1v1~1complaints/post/responses").propertyNames())
                .contains("202", "400", "413", "415", "422", "503");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void writesNoDescriptionOrContactDetailToTheLogEvenAtDebugLevel(CapturedOutput log) {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        List<String> verbose = List.of("org.hotline", "org.springframework.web", "org.springframework.kafka");
        verbose.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
        try {
            accepted(postJson(intake, Requests.KOSTANAY_SCHOOL, "Idempotency-Key", "log-" + UUID.randomUUID()));
            postJson(intake, Requests.KOSTANAY_SCHOOL.replace("KZ-39", "KZ-00"));
            postJson(intake, Requests.KOSTANAY_SCHOOL.replace("+7 701 555 0199", "call me at +7 701 555 0199 now"));
        } finally {
            verbose.forEach(logger -> logging.setLogLevel(logger, null));
        }

        assertThat(log.getAll()).contains("DispatcherServlet", "POST \"/api/v1/complaints\"").doesNotContain("Айгуль", "Сапарова", "701 555", "aigul.saparova",
                "Директор", "непристойные");
    }

    @Test
    void refusesToStartOutsideTheDevAndTestProfilesWithoutSealingKeys() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(IntakeApplication.class).run(
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(), "--server.port=0",
                        "--management.server.port=0"))
                .hasStackTraceContaining("hotline.intake")
                .hasStackTraceContaining("identitySecret");
        assertThatThrownBy(() -> new SpringApplicationBuilder(IntakeApplication.class).run(
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(), "--server.port=0",
                        "--management.server.port=0",
                        "--hotline.intake.identity-secret=dGVzdC1vbmx5LWlkZW50aXR5LXNlY3JldC0zMi1ieXRlcy1vci1tb3Jl"))
                .hasStackTraceContaining("hotline.sealing");
    }

    @Test
    void writesEventsThatConformToThePublishedSchemaAndWhoseSchemaRejectsABrokenEvent() {
        String complaintId = accepted(postJson(intake, Requests.MINIMAL_ANONYMOUS)).get("complaintId").stringValue();
        JsonNode event = JSON.readTree(recordsOf(complaintId).get(0).value());
        tools.jackson.databind.node.ObjectNode broken = (tools.jackson.databind.node.ObjectNode) event.deepCopy();
        broken.remove("complaintId");
        ((tools.jackson.databind.node.ObjectNode) broken.get("location")).put("country", "Kazakhstan");

        assertThat(EventSchemas.errors("complaint-received.v1.schema.json", event)).isEmpty();
        assertThat(EventSchemas.errors("complaint-received.v1.schema.json", broken)).hasSize(2);
    }

    /** Every event read in these tests is also checked against the published schema. */
    private static List<ConsumerRecord<String, byte[]>> recordsOf(String complaintId) {
        List<ConsumerRecord<String, byte[]>> records = readCommittedIncluding(broker, COMPLAINTS, List.of(complaintId))
                .stream()
                .filter(r -> r.key().equals(complaintId)).toList();
        records.forEach(record -> EventSchemas.assertConforms("complaint-received.v1.schema.json",
                JSON.readTree(record.value())));
        return records;
    }

    private static JsonNode accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body());
    }

    private static SealedValue sealed(JsonNode node) {
        return new SealedValue(node.get("keyId").stringValue(), node.get("algorithm").stringValue(),
                node.get("iv").stringValue(), node.get("ciphertext").stringValue());
    }
}
