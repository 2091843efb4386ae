package org.hotline.routing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.routing.it.RoutingHarness.ADMIN;
import static org.hotline.routing.it.RoutingHarness.AUDIT;
import static org.hotline.routing.it.RoutingHarness.STAFF;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.hotline.testsupport.OpenApiDocuments;
import org.hotline.testsupport.OpenApiDocuments.Operation;
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
 * The OpenAPI document routing serves says what its API takes and who may call it, and the preview's example is a
 * complaint the preview decides on: the document is read from the service, then its example is sent.
 */
class ApiDocsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PREVIEW = "/api/v1/routing/preview";
    private static final String RELOAD = "/api/v1/routing/directory/reload";

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext routing;

    @BeforeAll
    static void start() {
        broker = RoutingHarness.startBroker();
        RoutingHarness.createReceivedTopic(broker, 1);
        RoutingHarness.createTopic(broker, AUDIT);
        Path directory = RoutingHarness.copyOfSampleDirectory();
        routing = RoutingHarness.startRouting(broker, directory);
    }

    @AfterAll
    static void stop() {
        routing.close();
        broker.destroy();
    }

    @Test
    void namesTheApiWithTheBuildsVersionAndDescribesEveryOperationAndWhoMayCallIt() {
        // given the document the running service serves
        JsonNode document = document();

        // then it is routing's, of this build, with its two operations, each behind the staff's login
        OpenApiDocuments.assertReadable(document);
        assertThat(document.at("/info/title").asString()).isEqualTo("Complaint hotline: routing API");
        assertThat(document.at("/info/version").asString())
                .isEqualTo(routing.getBean(BuildProperties.class).getVersion());
        assertThat(OpenApiDocuments.operations(document)).extracting(Operation::toString)
                .containsExactlyInAnyOrder("POST " + PREVIEW, "POST " + RELOAD);
        for (Operation operation : OpenApiDocuments.operations(document)) {
            assertThat(operation.node().path("security").toString()).as(operation.toString())
                    .isEqualTo("[{\"basic\":[]}]");
            assertThat(operation.node().path("responses").propertyNames()).as(operation.toString())
                    .contains("401", "403");
        }
        assertThat(document.at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
    }

    @Test
    void describesThePreviewsBodyWithThePublishedContract() {
        // given the preview's request schema in the served document
        JsonNode document = document();
        JsonNode schema = OpenApiDocuments.requestSchema(document, operation(document, PREVIEW));

        // then it is the contract the preview checks every body against, as published
        ObjectNode contract = (ObjectNode) JsonRequestSchema.load("complaint-request.v1.schema.json").document()
                .deepCopy();
        contract.remove(List.of("$schema", "$id"));
        assertThat(OpenApiDocuments.withRequiredSorted(schema))
                .isEqualTo(OpenApiDocuments.withRequiredSorted(contract));
        assertThat(schema.path("required").values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("channel", "language", "incident", "location", "complainant");
    }

    @Test
    void decidesOnTheDocumentsExampleAndReloadsAsDescribed() {
        // given the document's example of a complaint
        JsonNode document = document();
        JsonNode example = OpenApiDocuments.requestExample(document, operation(document, PREVIEW));

        // when a staff account previews it, and an admin reloads the directory
        HttpResponse<String> preview = RoutingHarness.postAs(STAFF, routing, PREVIEW, "application/json",
                JSON.writeValueAsString(example));
        HttpResponse<String> reload = RoutingHarness.postAs(ADMIN, routing, RELOAD, "application/json", "");

        // then the preview decides, and the reload answers the fields the document lists as required
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(JSON.readTree(preview.body()).path("assignments").size()).isPositive();
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
        JsonNode reloaded = OpenApiDocuments.resolve(document, operation(document, RELOAD).node()
                .at("/responses/200/content/application~1json/schema"));
        assertThat(JSON.readTree(reload.body()).propertyNames())
                .containsExactlyInAnyOrderElementsOf(reloaded.path("required").values().stream()
                        .map(JsonNode::asString).toList());
    }

    private static JsonNode document() {
        HttpResponse<String> response = RoutingHarness.get("http://localhost:" + RoutingHarness.port(routing)
                + "/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static Operation operation(JsonNode document, String path) {
        return OpenApiDocuments.operation(document, "post", path);
    }
}
