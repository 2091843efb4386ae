package org.hotline.notification.dispatch.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.hotline.notification.sealing.domain.ComplaintKeys;
import org.hotline.notification.sealing.domain.FieldSealer;
import org.hotline.notification.sealing.domain.SealedFields;
import org.hotline.testsupport.MicroBenchmark;
import org.hotline.testsupport.MicroBenchmark.Case;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What reading one {@code ComplaintRouted} record costs the notification service, in CPU time on one thread: its
 * value read as a JSON tree by Jackson alone (the floor, measured in the same run, so that runs on a noisy machine
 * compare as multiples of it), then read by {@link ComplaintRoutedReader} (parse, checks, binding and opening its
 * two sealed values, as the consumer does for each record).
 *
 * <p>The record is the example of the published schema (docs/schemas/complaint-routed.v1.schema.json) with its
 * sealed values resealed under the test key of {@code ComplaintRoutedReaderTest}, since the example's own do not
 * open. Not a test: run with {@code benchmarks/run-routed-reading-benchmark.sh}; settings as {@link MicroBenchmark}.
 */
public final class RoutedReadingBenchmark {

    private static final byte[] TEST_KEY = Base64.getDecoder()
            .decode("dGVzdC1vbmx5LXNlYWxpbmcta2V5LTMyLWJ5dGVzISE=");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RoutedReadingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        FieldSealer intake = new FieldSealer("test-1", Map.of("test-1", TEST_KEY));
        byte[] record = record(intake);
        JsonMapper jackson = JsonMapper.builder().build();
        ComplaintRoutedReader reader = new ComplaintRoutedReader(JSON, new SealedFields(intake, ComplaintKeys.NONE));
        MicroBenchmark.run(List.of(
                new Case("Jackson readTree alone (the floor)", () -> jackson.readTree(record)),
                new Case("ComplaintRoutedReader.read", () -> reader.read(record))),
                "event", "Record of %d bytes".formatted(record.length));
    }

    /** The published example, its description and complainant resealed under the test key. */
    private static byte[] record(FieldSealer intake) throws IOException {
        ObjectNode example = (ObjectNode) JSON.readTree(Files.readString(Path.of("docs", "schemas",
                "complaint-routed.v1.schema.json"))).get("examples").get(0);
        String id = example.get("complaintId").stringValue();
        ObjectNode complaint = (ObjectNode) example.get("complaint");
        String description = "Директор требовал деньги за продление контракта.";
        String complainant = """
                {"name":"Айгерим","email":"a@mail.example","preferredLanguage":"kk","consentToContact":true,
                 "trackingCode":"ABCD-EFGH-JKLM-NPQR"}""";
        String context = "complaints.received.v1/" + id + "/";
        ((ObjectNode) complaint.get("incident")).set("description", JSON.valueToTree(intake.seal(
                description.getBytes(StandardCharsets.UTF_8), context + "incident.description")));
        ((ObjectNode) complaint.get("complainant")).set("sealed", JSON.valueToTree(intake.seal(
                complainant.getBytes(StandardCharsets.UTF_8), context + "complainant")));
        return JSON.writeValueAsBytes(example);
    }
}
