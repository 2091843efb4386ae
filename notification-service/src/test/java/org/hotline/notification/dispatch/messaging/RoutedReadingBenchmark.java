package org.hotline.notification.dispatch.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hotline.notification.sealing.domain.ComplaintKeys;
import org.hotline.notification.sealing.domain.FieldSealer;
import org.hotline.notification.sealing.domain.SealedFields;
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
 * open. Not a test: run with {@code benchmarks/run-routed-reading-benchmark.sh}. Settings are system properties:
 * {@code bench.rounds} (7), {@code bench.roundMillis} (1500), {@code bench.output} (where to write the figures).
 */
public final class RoutedReadingBenchmark {

    private static final byte[] TEST_KEY = Base64.getDecoder()
            .decode("dGVzdC1vbmx5LXNlYWxpbmcta2V5LTMyLWJ5dGVzISE=");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RoutedReadingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = Integer.getInteger("bench.rounds", 7);
        long roundNanos = Long.getLong("bench.roundMillis", 1500) * 1_000_000;
        FieldSealer intake = new FieldSealer("test-1", Map.of("test-1", TEST_KEY));
        byte[] record = record(intake);
        JsonMapper jackson = JsonMapper.builder().build();
        ComplaintRoutedReader reader = new ComplaintRoutedReader(JSON, new SealedFields(intake, ComplaintKeys.NONE));
        List<Supplier<Object>> cases = List.of(
                () -> jackson.readTree(record),
                () -> reader.read(record));
        List<String> names = List.of("Jackson readTree alone (the floor)", "ComplaintRoutedReader.read");
        long[][] nanos = new long[cases.size()][rounds];
        for (int i = 0; i < cases.size(); i++) {
            run(cases.get(i), 3 * roundNanos);
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < cases.size(); i++) {
                nanos[i][round] = run(cases.get(i), roundNanos);
            }
        }
        double floor = median(nanos[0]);
        List<String> lines = new ArrayList<>();
        lines.add("| what | median µs per event | of the floor |");
        lines.add("|---|---:|---:|");
        for (int i = 0; i < cases.size(); i++) {
            double median = median(nanos[i]);
            lines.add("| %s | %.1f | %.2f× |".formatted(names.get(i), median / 1000, median / floor));
        }
        lines.add("");
        lines.add("Record of %d bytes; %d interleaved rounds of %d ms each after a warm-up; Java %s."
                .formatted(record.length, rounds, roundNanos / 1_000_000, System.getProperty("java.version")));
        String output = System.getProperty("bench.output");
        if (output != null) {
            Files.write(Path.of(output), lines);
        }
        lines.forEach(System.out::println);
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

    /** Nanoseconds per call, calling {@code work} for about {@code nanos}. */
    private static long run(Supplier<Object> work, long nanos) {
        long calls = 0;
        int sink = 0;
        long start = System.nanoTime();
        long end = start + nanos;
        long now;
        do {
            for (int i = 0; i < 100; i++) {
                sink += work.get().hashCode() & 1;
            }
            calls += 100;
            now = System.nanoTime();
        } while (now < end);
        if (sink == -1) {
            System.out.println(sink);
        }
        return (now - start) / calls;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
