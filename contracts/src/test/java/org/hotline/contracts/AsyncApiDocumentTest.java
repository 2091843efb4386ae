package org.hotline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The AsyncAPI document and the schemas agree: every topic of docs/events.md is a channel, and every schema a
 * message refers to exists and names the event (or, for the keys topic, the record) it describes. (The AsyncAPI
 * CLI validates the document itself in CI: see .ci/run.)
 */
class AsyncApiDocumentTest {

    private static final Path DOCS = Path.of("..", "docs");

    @Test
    void describesEveryTopicTheSystemWritesAndReads() throws IOException {
        JsonNode document = YAMLMapper.builder().build().readTree(Files.readString(DOCS.resolve("asyncapi.yaml")));
        List<String> addresses = new ArrayList<>();
        document.get("channels").values().forEach(channel -> addresses.add(channel.get("address").stringValue()));

        assertThat(addresses).containsExactlyInAnyOrder("complaints.received.v1", "complaints.routed.v1",
                "notifications.outcomes.v1", "cases.events.v1", "complaints.received.v1.dlt",
                "complaints.routed.v1.dlt", "cases.events.v1.notification.dlt", "audit.events.v1",
                "complaints.keys.v1");
    }

    @Test
    void refersOnlyToSchemasThatExistAndDescribeTheirMessage() throws IOException {
        JsonNode document = YAMLMapper.builder().build().readTree(Files.readString(DOCS.resolve("asyncapi.yaml")));

        for (var message : document.get("components").get("messages").properties()) {
            JsonNode schema = message.getValue().path("payload").path("schema").get("$ref");
            if (schema == null) {
                continue;
            }
            Path file = DOCS.resolve(schema.stringValue());
            assertThat(file).exists();
            JsonNode described = SchemaCompatibilityTest.read(file);
            JsonNode eventType = described.path("properties").path("eventType").get("const");
            // A record that is not an event (the keys topic's) has no eventType: its schema's title names it.
            String name = eventType != null ? eventType.stringValue()
                    : described.path("title").stringValue().split(" ")[0];
            // A later version of an event is a message of its own, named after the event and its version.
            JsonNode version = described.path("properties").path("schemaVersion").get("const");
            String expected = version == null || version.asInt() == 1 ? name : name + "V" + version.asInt();
            assertThat(message.getKey()).isEqualTo(expected);
        }
    }
}
