package org.hotline.intake.complaint.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.hotline.intake.bench.IntakeBenchmark;
import org.hotline.intake.complaint.domain.ComplaintValidator;
import tools.jackson.databind.json.JsonMapper;

/**
 * What reading one complaint costs the intake, in CPU time on one thread: its body read as a JSON tree by Jackson
 * alone (the floor, measured in the same run, so that runs on a noisy machine compare as multiples of it), then
 * read by {@link ComplaintRequestReader} (parse, shape, binding), then read and validated as the controller does.
 *
 * <p>Not a test: run with {@code benchmarks/run-request-reading-benchmark.sh}. Settings are system properties:
 * {@code bench.rounds} (7), {@code bench.roundMillis} (1500), {@code bench.output} (where to write the figures).
 */
public final class RequestReadingBenchmark {

    private static final byte[] BODY = IntakeBenchmark.BODY.getBytes(StandardCharsets.UTF_8);

    private RequestReadingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = Integer.getInteger("bench.rounds", 7);
        long roundNanos = Long.getLong("bench.roundMillis", 1500) * 1_000_000;
        JsonMapper jackson = JsonMapper.builder().build();
        ComplaintRequestReader reader = new ComplaintRequestReader();
        ComplaintValidator validator = new ComplaintValidator(Clock.systemUTC());
        List<Supplier<Object>> cases = List.of(
                () -> jackson.readTree(BODY),
                () -> reader.read(BODY),
                () -> validator.validate(reader.read(BODY)));
        List<String> names = List.of("Jackson readTree alone (the floor)", "ComplaintRequestReader.read",
                "read and ComplaintValidator.validate");
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
        lines.add("| what | median µs per body | of the floor |");
        lines.add("|---|---:|---:|");
        for (int i = 0; i < cases.size(); i++) {
            double median = median(nanos[i]);
            lines.add("| %s | %.1f | %.2f× |".formatted(names.get(i), median / 1000, median / floor));
        }
        lines.add("");
        lines.add("Body of %d bytes; %d interleaved rounds of %d ms each after a warm-up; Java %s."
                .formatted(BODY.length, rounds, roundNanos / 1_000_000, System.getProperty("java.version")));
        String output = System.getProperty("bench.output");
        if (output != null) {
            Files.write(Path.of(output), lines);
        }
        lines.forEach(System.out::println);
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
