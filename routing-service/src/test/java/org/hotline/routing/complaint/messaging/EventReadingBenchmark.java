package org.hotline.routing.complaint.messaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * What reading one {@code ComplaintReceived} costs routing, in CPU time on one thread: the record read as a JSON tree
 * by Jackson alone (the floor, measured in the same run, so that runs on a noisy machine compare as multiples of
 * it), then read by {@link ComplaintReceivedReader} (parse, checks, facts, the parts' raw text), then a record the
 * reader refuses (a required field missing), whose cost a flood of poison records would show.
 *
 * <p>Not a test: run with {@code benchmarks/run-event-reading-benchmark.sh}. Settings are system properties:
 * {@code bench.rounds} (7), {@code bench.roundMillis} (1500), {@code bench.output} (where to write the figures).
 */
public final class EventReadingBenchmark {

    private static final String COMPLAINT_ID = "0f6c9a57-3d2e-4b41-9c7d-5e4f3a2b1c0d";
    private static final byte[] RECORD = ComplaintEvents.bytes(ComplaintEvents.kostanaySchool(COMPLAINT_ID));
    private static final byte[] REFUSED = ComplaintEvents.bytes(ComplaintEvents.kostanaySchool(COMPLAINT_ID)
            .replace("\"country\":\"KZ\",", ""));

    private EventReadingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = Integer.getInteger("bench.rounds", 7);
        long roundNanos = Long.getLong("bench.roundMillis", 1500) * 1_000_000;
        JsonMapper jackson = JsonMapper.builder().build();
        ComplaintReceivedReader reader = new ComplaintReceivedReader();
        List<Supplier<Object>> cases = List.of(
                () -> jackson.readTree(RECORD),
                () -> reader.read(RECORD),
                () -> refusal(reader));
        List<String> names = List.of("Jackson readTree alone (the floor)", "ComplaintReceivedReader.read",
                "ComplaintReceivedReader.read, refused (location.country missing)");
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
                .formatted(RECORD.length, rounds, roundNanos / 1_000_000, System.getProperty("java.version")));
        String output = System.getProperty("bench.output");
        if (output != null) {
            Files.write(Path.of(output), lines);
        }
        lines.forEach(System.out::println);
    }

    private static Object refusal(ComplaintReceivedReader reader) {
        try {
            return reader.read(REFUSED);
        } catch (UndecidableEventException e) {
            return e.reason();
        }
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
