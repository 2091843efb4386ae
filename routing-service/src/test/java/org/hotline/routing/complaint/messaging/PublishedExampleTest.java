package org.hotline.routing.complaint.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routing reads the example of the published ComplaintReceived schema (docs/schemas): a change of the intake's
 * contract that this reader cannot follow fails here, in the consumer's build.
 */
class PublishedExampleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsTheExampleOfThePublishedComplaintReceivedSchema() throws Exception {
        JsonNode example = JSON.readTree(Files.readString(Path.of("..", "docs", "schemas",
                "complaint-received.v1.schema.json"))).get("examples").get(0);

        ReceivedComplaint complaint = new ComplaintReceivedReader().read(JSON.writeValueAsBytes(example));

        assertThat(complaint.complaintId()).isEqualTo(example.get("complaintId").stringValue());
        assertThat(complaint.reference()).isEqualTo("HL-7F3K-9QX2-ABCD");
        assertThat(complaint.rawParts()).containsKeys("incident", "location", "complainant");
        assertThat(JSON.readTree(complaint.rawParts().get("complainant")))
                .isEqualTo(example.get("complainant"));
    }
}
