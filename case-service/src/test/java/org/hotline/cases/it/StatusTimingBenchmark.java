package org.hotline.cases.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.awaitility.Awaitility;
import org.hotline.cases.casefile.application.CaseStatusQuery;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Whether the status answer's time tells a guesser which references exist: the time of the three kinds of question
 * (a known reference with its code, a known reference with a wrong code, a reference no case has), asked in one
 * shuffled sequence so that the machine's noise falls on all three alike. Measured twice: over HTTP on loopback
 * (what a client sees, with none of a real network's jitter) and at the query alone, in process (the store lookup,
 * the decoded file and the hash comparison, without the HTTP stack's noise). The interesting figure is the
 * difference between a wrong code and an unknown reference, both answered 404, beside its 95 % interval (from
 * resampling) and the spread of either.
 *
 * <p>Not a test: run with {@code benchmarks/run-status-timing-benchmark.sh}. Settings are system properties:
 * {@code bench.cases} (100 complaints known), {@code bench.requests} (3,000 questions of each kind over HTTP, ten
 * times as many in process), {@code bench.output} (where to write the figures).
 */
public final class StatusTimingBenchmark {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String WRONG_CODE = "7F3K-9QX2-ABCD-EFGJ";

    /** The three questions. */
    enum Kind {
        KNOWN_RIGHT_CODE("known reference, its code (200)"),
        KNOWN_WRONG_CODE("known reference, wrong code (404)"),
        UNKNOWN_REFERENCE("unknown reference (404)");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private StatusTimingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int cases = Integer.getInteger("bench.cases", 100);
        int requests = Integer.getInteger("bench.requests", 3000);
        Path output = Path.of(System.getProperty("bench.output", "case-service/target/status-timing.md"));
        EmbeddedKafkaKraftBroker broker = CaseHarness.startBroker();
        ConfigurableApplicationContext service = CaseHarness.startCaseService(broker, Clock.systemUTC());
        try {
            List<String> references = publish(broker, service, cases);
            Random random = new Random(42);
            List<String> unknown = new ArrayList<>();
            Set<String> known = new HashSet<>(references);
            while (unknown.size() < references.size()) {
                String reference = randomReference(random);
                if (!known.contains(reference)) {
                    unknown.add(reference);
                }
            }
            String url = "http://localhost:" + CaseHarness.port(service, "local.server.port")
                    + "/api/v1/complaints/status";
            CaseStatusQuery query = service.getBean(CaseStatusQuery.class);
            Question overHttp = (kind, reference) -> {
                int expected = kind == Kind.KNOWN_RIGHT_CODE ? 200 : 404;
                String code = kind == Kind.KNOWN_WRONG_CODE ? WRONG_CODE : CaseEvents.TRACKING_CODE;
                int status = CaseHarness.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reference\":\"" + reference
                                + "\",\"trackingCode\":\"" + code + "\"}"))).statusCode();
                if (status != expected) {
                    throw new IllegalStateException(kind + " answered " + status);
                }
            };
            Question inProcess = (kind, reference) -> {
                boolean found = query.status(reference,
                        kind == Kind.KNOWN_WRONG_CODE ? WRONG_CODE : CaseEvents.TRACKING_CODE).isPresent();
                if (found != (kind == Kind.KNOWN_RIGHT_CODE)) {
                    throw new IllegalStateException(kind + " was answered " + found);
                }
            };
            measure(overHttp, references, unknown, requests / 2, random);
            Map<Kind, long[]> http = measure(overHttp, references, unknown, requests, random);
            measure(inProcess, references, unknown, requests * 5, random);
            Map<Kind, long[]> local = measure(inProcess, references, unknown, requests * 10, random);

            List<String> lines = new ArrayList<>();
            lines.add("Written by `StatusTimingBenchmark` on " + Instant.now() + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores: the case service and a KRaft broker in "
                    + "one JVM, " + references.size() + " cases known (each routed to two bodies, as the file a "
                    + "miss decodes), the three questions asked in one shuffled sequence after a warm-up.");
            lines.add("");
            table(lines, "Over HTTP (loopback, one connection kept alive), " + requests + " of each, µs", http);
            table(lines, "The query alone (`CaseStatusQuery.status`, in process), " + requests * 10
                    + " of each, µs", local);
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.write(output, lines);
            lines.forEach(System.out::println);
        } finally {
            service.close();
            broker.destroy();
        }
    }

    @FunctionalInterface
    private interface Question {
        void ask(Kind kind, String reference);
    }

    private static List<String> publish(EmbeddedKafkaKraftBroker broker, ConfigurableApplicationContext service,
            int cases) {
        List<String> references = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Instant receivedAt = Instant.now().minus(Duration.ofDays(2));
        while (references.size() < cases) {
            CaseEvents complaint = new CaseEvents(receivedAt);
            if (seen.add(complaint.reference)) {
                CaseHarness.publishTold(broker, complaint);
                references.add(complaint.reference);
            }
        }
        CaseStatusQuery query = service.getBean(CaseStatusQuery.class);
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                references.stream().allMatch(reference ->
                        query.status(reference, CaseEvents.TRACKING_CODE).isPresent()));
        return references;
    }

    /** Asks {@code each} questions of every kind in one shuffled order; the nanoseconds of each, by kind. */
    private static Map<Kind, long[]> measure(Question question, List<String> known, List<String> unknown, int each,
            Random random) {
        List<Kind> order = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            order.addAll(Collections.nCopies(each, kind));
        }
        Collections.shuffle(order, random);
        Map<Kind, long[]> nanos = new EnumMap<>(Kind.class);
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            nanos.put(kind, new long[each]);
            counts.put(kind, 0);
        }
        for (Kind kind : order) {
            List<String> references = kind == Kind.UNKNOWN_REFERENCE ? unknown : known;
            String reference = references.get(random.nextInt(references.size()));
            long started = System.nanoTime();
            question.ask(kind, reference);
            long took = System.nanoTime() - started;
            int count = counts.merge(kind, 1, Integer::sum);
            nanos.get(kind)[count - 1] = took;
        }
        nanos.values().forEach(Arrays::sort);
        return nanos;
    }

    private static void table(List<String> lines, String title, Map<Kind, long[]> nanos) {
        lines.add("### " + title);
        lines.add("");
        lines.add("| question | p10 | median | p90 | p99 |");
        lines.add("|---|---:|---:|---:|---:|");
        for (Kind kind : Kind.values()) {
            long[] sorted = nanos.get(kind);
            lines.add("| %s | %.1f | %.1f | %.1f | %.1f |".formatted(kind.label, quantile(sorted, 0.10) / 1000,
                    quantile(sorted, 0.50) / 1000, quantile(sorted, 0.90) / 1000, quantile(sorted, 0.99) / 1000));
        }
        long[] wrong = nanos.get(Kind.KNOWN_WRONG_CODE);
        long[] miss = nanos.get(Kind.UNKNOWN_REFERENCE);
        double difference = (quantile(wrong, 0.5) - quantile(miss, 0.5)) / 1000;
        double[] interval = bootstrapInterval(wrong, miss);
        double spread = (quantile(miss, 0.75) - quantile(miss, 0.25)) / 1000;
        lines.add("");
        lines.add("Median of a wrong code minus median of an unknown reference: %+.1f µs (95 %% interval %+.1f to %+.1f "
                .formatted(difference, interval[0], interval[1])
                + "µs, from 2,000 resamplings); the unknown reference's interquartile range: %.1f µs."
                        .formatted(spread));
        lines.add("");
    }

    /** The 2.5 and 97.5 percentiles of the difference of medians over resamplings of both series. */
    private static double[] bootstrapInterval(long[] first, long[] second) {
        Random random = new Random(7);
        int rounds = 2000;
        double[] differences = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            differences[round] = (resampledMedian(first, random) - resampledMedian(second, random)) / 1000;
        }
        Arrays.sort(differences);
        return new double[] {differences[(int) (rounds * 0.025)], differences[(int) (rounds * 0.975)]};
    }

    private static double resampledMedian(long[] sorted, Random random) {
        long[] sample = new long[sorted.length];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = sorted[random.nextInt(sorted.length)];
        }
        Arrays.sort(sample);
        return quantile(sample, 0.5);
    }

    private static double quantile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    private static String randomReference(Random random) {
        StringBuilder reference = new StringBuilder("HL-");
        for (int group = 0; group < 3; group++) {
            for (int i = 0; i < 4; i++) {
                reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (group < 2) {
                reference.append('-');
            }
        }
        return reference.toString();
    }
}
