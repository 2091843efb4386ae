package org.hotline.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hotline.testsupport.EventSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PublishedSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theExamplesOfTheComplaintReceivedSchemaConformToIt() throws Exception {
        JsonNode schema = JSON.readTree(Files.readString(Path.of("..", "docs", "schemas",
                "complaint-received.v1.schema.json")));

        assertThat(schema.get("examples").values()).isNotEmpty().allSatisfy(example ->
                assertThat(EventSchemas.errors("complaint-received.v1.schema.json", example)).isEmpty());
    }

    @Test
    void theSchemaRejectsAnEventWithoutItsComplaintIdOrWithAnUnknownCategory() throws Exception {
        JsonNode example = JSON.readTree(Files.readString(Path.of("..", "docs", "schemas",
                "complaint-received.v1.schema.json"))).get("examples").get(0);
        tools.jackson.databind.node.ObjectNode broken = (tools.jackson.databind.node.ObjectNode) example.deepCopy();
        broken.remove("complaintId");
        ((tools.jackson.databind.node.ArrayNode) broken.get("incident").get("categories")).add("GOSSIP");

        assertThat(EventSchemas.errors("complaint-received.v1.schema.json", broken)).hasSize(2);
    }
}
