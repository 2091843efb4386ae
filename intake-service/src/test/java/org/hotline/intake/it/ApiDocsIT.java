package org.hotline.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.it.IntakeHarness.COMPLAINTS;
import static org.hotline.intake.it.IntakeHarness.postJson;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.hotline.intake.complaint.domain.AccusedRole;
import org.hotline.intake.complaint.domain.Category;
import org.hotline.intake.complaint.domain.Channel;
import org.hotline.intake.complaint.domain.ComplainantMode;
import org.hotline.intake.complaint.domain.Language;
import org.hotline.intake.complaint.domain.Sector;
import org.hotline.intake.complaint.domain.WorkplaceType;
import org.hotline.testsupport.EventSchemas;
import org.hotline.testsupport.OpenApiDocuments;
import org.hotline.web.json.JsonRequestSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document the intake serves says what the API takes, as the running service enforces it, and its
 * example is a complaint the intake accepts: the document is read from the service, then its example is sent.
 */
class ApiDocsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COMPLAINTS_PATH = "/api/v1/complaints";

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
    void namesTheApiWithTheBuildsVersionAndDescribesEveryOperationAndError() {
        // given the document the running service serves
        JsonNode document = document();

        // then it is the intake's, of this build, and says what every operation does and answers
        OpenApiDocuments.assertReadable(document);
        assertThat(document.at("/info/title").asString()).isEqualTo("Complaint hotline: intake API");
        assertThat(document.at("/info/version").asString())
                .isEqualTo(intake.getBean(BuildProperties.class).getVersion());
        assertThat(OpenApiDocuments.operations(document)).extracting(OpenApiDocuments.Operation::toString)
                .containsExactly("POST " + COMPLAINTS_PATH);
        assertThat(operation(document).node().path("responses").propertyNames())
                .containsExactlyInAnyOrder("202", "400", "401", "413", "415", "422", "429", "503");
        assertThat(operation(document).node().at("/responses/202/content/application~1json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/ComplaintReceipt");
        assertThat(document.at("/components/schemas/ComplaintReceipt/required").values())
                .extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("complaintId", "reference", "trackingCode", "receivedAt");
    }

    @Test
    void describesTheBodyWithThePublishedContractItsRequiredFieldsAndEveryValueTheIntakeAllows() {
        // given the request body's schema in the served document
        JsonNode schema = OpenApiDocuments.requestSchema(document(), operation(document()));

        // then it is the contract every body is checked against, as published
        ObjectNode contract = (ObjectNode) JsonRequestSchema.load("complaint-request.v1.schema.json").document()
                .deepCopy();
        contract.remove(List.of("$schema", "$id"));
        assertThat(OpenApiDocuments.withRequiredSorted(schema))
                .isEqualTo(OpenApiDocuments.withRequiredSorted(contract));
        // and it lists the values the intake's rules take, each of them
        assertThat(OpenApiDocuments.allowedValues(schema, "/properties/channel")).isEqualTo(names(Channel.values()));
        assertThat(OpenApiDocuments.allowedValues(schema, "/properties/language")).isEqualTo(codes());
        assertThat(OpenApiDocuments.allowedValues(schema, "/properties/incident/properties/categories/items"))
                .isEqualTo(names(Category.values()));
        assertThat(OpenApiDocuments.allowedValues(schema, "/properties/workplace/properties/sector"))
                .isEqualTo(names(Sector.values()));
        assertThat(OpenApiDocuments.allowedValues(schema, "/properties/workplace/properties/type"))
                .isEqualTo(names(WorkplaceType.values()));
        assertThat(OpenApiDocuments.allowedValues(schema, "/properties/accused/properties/role"))
                .isEqualTo(names(AccusedRole.values()));
        assertThat(OpenApiDocuments.allowedValues(schema, "/properties/complainant/properties/mode"))
                .isEqualTo(names(ComplainantMode.values()));
        assertThat(OpenApiDocuments.allowedValues(schema, "/properties/complainant/properties/preferredLanguage"))
                .isEqualTo(codes());
    }

    @Test
    void marksRequiredExactlyTheFieldsWithoutWhichTheIntakeRefusesTheExample() {
        // given the served example and the fields the document marks required, two levels deep
        JsonNode document = document();
        JsonNode schema = OpenApiDocuments.requestSchema(document, operation(document));
        JsonNode example = OpenApiDocuments.requestExample(document, operation(document));
        List<String> marked = new ArrayList<>();
        List<String> refusedWithout = new ArrayList<>();

        // when the example is sent without each of its fields in turn
        for (String field : fieldsOf(example)) {
            if (isRequired(schema, field)) {
                marked.add(field);
            }
            HttpResponse<String> response = postJson(intake, JSON.writeValueAsString(without(example, field)));
            if (response.statusCode() == 400 && JSON.readTree(response.body()).path("errors").values().stream()
                    .anyMatch(error -> error.path("field").asString().equals(field))) {
                refusedWithout.add(field);
            }
        }

        // then the intake refuses it for the lack of exactly the fields the document marks required
        assertThat(marked).contains("channel", "incident.description", "complainant.mode");
        assertThat(refusedWithout).isEqualTo(marked);
    }

    @Test
    void acceptsTheDocumentsExampleAndPublishesTheComplaint() {
        // given the example the document gives for the body, as Swagger UI fills it in
        JsonNode example = OpenApiDocuments.requestExample(document(), operation(document()));

        // when it is sent to the API (again with the same Idempotency-Key after a 503, as the API asks a client to:
        // a broker just started may take longer than the intake waits over the first transaction)
        String key = UUID.randomUUID().toString();
        HttpResponse<String> response = Awaitility.await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> postJson(intake, JSON.writeValueAsString(example), "Idempotency-Key", key),
                        answer -> answer.statusCode() != 503);

        // then the intake takes it, and the complaint is on the topic under its id and reference
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode receipt = JSON.readTree(response.body());
        String complaintId = receipt.path("complaintId").asString();
        assertThat(receipt.path("reference").asString()).matches("HL(-[0-9A-Z]{4}){3}");
        List<ConsumerRecord<String, byte[]>> records = IntakeHarness.readCommittedIncluding(broker, COMPLAINTS,
                List.of(complaintId)).stream().filter(record -> record.key().equals(complaintId)).toList();
        assertThat(records).hasSize(1);
        JsonNode event = JSON.readTree(records.get(0).value());
        EventSchemas.assertConforms("complaint-received.v1.schema.json", event);
        assertThat(event.path("reference").asString()).isEqualTo(receipt.path("reference").asString());
        assertThat(event.at("/location/region").asString()).isEqualTo(example.at("/location/region").asString());
    }

    @Test
    void servesSwaggerUiWithoutTheApisPolicyAndKeepsTheFormsStrictPolicy() {
        // when Swagger UI, the document and the complaint form are fetched
        HttpResponse<String> ui = IntakeHarness.get(url("/swagger-ui/index.html"));
        HttpResponse<String> document = IntakeHarness.get(url("/api-docs"));
        HttpResponse<String> form = IntakeHarness.get(url("/complaint"));

        // then each is served to anyone, the page that runs Swagger's scripts alone without a policy
        assertThat(List.of(ui.statusCode(), document.statusCode(), form.statusCode())).containsOnly(200);
        assertThat(ui.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(document.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(form.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
    }

    private static JsonNode document() {
        HttpResponse<String> response = IntakeHarness.get(url("/api-docs"));
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static OpenApiDocuments.Operation operation(JsonNode document) {
        return OpenApiDocuments.operation(document, "post", COMPLAINTS_PATH);
    }

    private static String url(String path) {
        return "http://localhost:" + IntakeHarness.port(intake) + path;
    }

    /** The example's fields as paths, two levels deep: {@code channel}, {@code incident}, {@code incident.ongoing}. */
    private static List<String> fieldsOf(JsonNode example) {
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : example.properties()) {
            fields.add(field.getKey());
            for (String nested : field.getValue().propertyNames()) {
                fields.add(field.getKey() + "." + nested);
            }
        }
        return fields;
    }

    private static boolean isRequired(JsonNode schema, String path) {
        int dot = path.indexOf('.');
        JsonNode parent = dot < 0 ? schema : schema.path("properties").path(path.substring(0, dot));
        return parent.path("required").values().stream()
                .anyMatch(name -> name.asString().equals(path.substring(dot + 1)));
    }

    private static ObjectNode without(JsonNode example, String path) {
        ObjectNode copy = (ObjectNode) example.deepCopy();
        int dot = path.indexOf('.');
        ObjectNode parent = dot < 0 ? copy : (ObjectNode) copy.get(path.substring(0, dot));
        parent.remove(path.substring(dot + 1));
        return copy;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> codes() {
        return Arrays.stream(Language.values()).map(Language::code).toList();
    }
}
