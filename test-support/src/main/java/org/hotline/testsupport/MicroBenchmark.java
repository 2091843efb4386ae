package org.hotline.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The services' micro-benchmarks of one call on one thread (reading a request, an event): every case is warmed up,
 * then measured in interleaved rounds, so that a machine busy for a while slows every case alike, and reported as
 * its median beside the first case, the floor measured in the same run (runs on a noisy machine compare as
 * multiples of it). Not JMH: good for differences of tens of percent, not of a few.
 *
 * <p>Settings are system properties: {@code bench.rounds} (7), {@code bench.roundMillis} (1500), and
 * {@code bench.output}, the file the table is written to (besides standard output).
 */
public final class MicroBenchmark {

    /** One thing measured: its name in the table, and one call of it. */
    public record Case(String name, Supplier<Object> call) {
    }

    private MicroBenchmark() {
    }

    /**
     * Measures {@code cases}, the first being the floor, writes the table and prints it.
     *
     * @param unit what one call handles, for the table's heading ("body", "event")
     * @param input what was measured, for the closing sentence ("Record of 1309 bytes")
     * @return the table's lines
     */
    public static List<String> run(List<Case> cases, String unit, String input) throws IOException {
        int rounds = Integer.getInteger("bench.rounds", 7);
        long roundNanos = Long.getLong("bench.roundMillis", 1500) * 1_000_000;
        long[][] nanos = new long[cases.size()][rounds];
        for (Case each : cases) {
            nanosPerCall(each.call(), 3 * roundNanos);
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < cases.size(); i++) {
                nanos[i][round] = nanosPerCall(cases.get(i).call(), roundNanos);
            }
        }
        double floor = median(nanos[0]);
        List<String> lines = new ArrayList<>();
        lines.add("| what | median µs per " + unit + " | of the floor |");
        lines.add("|---|---:|---:|");
        for (int i = 0; i < cases.size(); i++) {
            double median = median(nanos[i]);
            lines.add("| %s | %.1f | %.2f× |".formatted(cases.get(i).name(), median / 1000, median / floor));
        }
        lines.add("");
        lines.add("%s; %d interleaved rounds of %d ms each after a warm-up; Java %s."
                .formatted(input, rounds, roundNanos / 1_000_000, System.getProperty("java.version")));
        String output = System.getProperty("bench.output");
        if (output != null) {
            Files.write(Path.of(output), lines);
        }
        lines.forEach(System.out::println);
        return lines;
    }

    /** Nanoseconds per call, calling {@code work} for about {@code nanos}. */
    private static long nanosPerCall(Supplier<Object> work, long nanos) {
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
        // Read, so that the calls' results are not dead code to the compiler.
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
