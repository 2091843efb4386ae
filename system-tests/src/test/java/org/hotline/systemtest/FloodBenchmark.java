package org.hotline.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.hotline.systemtest.HotlineSystem.Part;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The priority lane under a flood (docs/security.md, "Priority lane"): one client sends a burst of complaints as fast
 * as the intake takes them while other clients, one complaint each, write at a steady pace among them; how long the
 * others wait for the last of their emails, with the lanes on and then off, each on a fresh deployment of the whole
 * system in the same run. Writes {@code flood.md} and {@code flood.json} to {@code hotline.benchmark.results}.
 *
 * <p>Run with {@code ./mvnw -B verify -pl system-tests -Pbench -Dit.test=FloodBenchmark}; settings
 * {@code hotline.flood.complaints} (3000), {@code hotline.flood.clients} (32), {@code hotline.flood.others-per-second}
 * (2) and {@code hotline.flood.others-seconds} (60).
 */
class FloodBenchmark {

    private static final Logger log = LoggerFactory.getLogger(FloodBenchmark.class);
    /** The flooding client, as the trusted proxy (every address here) passes it on. */
    private static final String FLOODER = "203.0.113.7";

    private final int floodSize = Integer.getInteger("hotline.flood.complaints", 3000);
    private final int floodClients = Integer.getInteger("hotline.flood.clients", 32);
    private final int othersPerSecond = Integer.getInteger("hotline.flood.others-per-second", 2);
    private final Duration othersFor = Duration.ofSeconds(Long.getLong("hotline.flood.others-seconds", 60));
    private final String heap = System.getProperty("hotline.benchmark.heap",
            HotlineSystem.Settings.LOCAL_STACK_HEAP).strip();
    private final String caseHeap = System.getProperty("hotline.benchmark.case-heap",
            HotlineSystem.Settings.LOCAL_STACK_CASE_HEAP).strip();
    private final String silenceCheck = System.getProperty("hotline.benchmark.silence-check", "5m").strip();

    @Test
    void theOtherClientsComplaintsPassAFloodInThePriorityLane() throws IOException {
        Path results = Path.of(System.getProperty("hotline.benchmark.results", "benchmarks"));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("runAt", Instant.now().toString());
        List<String> rows = new ArrayList<>();
        for (boolean lanes : List.of(true, false)) {
            Run run = run(lanes);
            String mode = lanes ? "lanesOn" : "lanesOff";
            figures.put(mode, run.figures());
            rows.add(run.row(lanes ? "on" : "off"));
            // Every complaint, the flood's and the others', reached its bodies: the lanes reorder, never drop.
            assertThat(run.unmailed()).as("accepted complaints without any email").isZero();
        }
        write(results, rows, figures);
    }

    private Run run(boolean lanes) {
        Map<Part, Map<String, String>> env = HotlineSystem.Settings.benchmarked(heap, caseHeap, silenceCheck);
        Map<String, String> intakeEnv = env.get(Part.INTAKE);
        intakeEnv.put("HOTLINE_INTAKE_LANES_ENABLED", String.valueOf(lanes));
        // The test JVM stands behind every address: each request names its client in X-Forwarded-For.
        intakeEnv.put("HOTLINE_INTAKE_RATELIMIT_TRUSTEDPROXIES_0", "0.0.0.0/0");
        intakeEnv.put("HOTLINE_INTAKE_RATELIMIT_TRUSTEDPROXIES_1", "::/0");
        String batch = lanes ? "on" : "off";
        try (HotlineSystem system = HotlineSystem.start(new HotlineSystem.Settings(env, 2048))) {
            Intake intake = new Intake(system.intakes());
            Mailbox mailbox = new Mailbox(system.mailbox());
            log.info("lanes {}: warming up", batch);
            List<Intake.Submission> warmUp = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                warmUp.add(intake.submit(Complaints.one("warm-" + batch, i), "192.0.2." + (i + 1)));
            }
            awaitMailed(mailbox, warmUp, Duration.ofMinutes(5));

            log.info("lanes {}: {} complaints from one client, {} a second from others for {}", batch, floodSize,
                    othersPerSecond, othersFor);
            long floodStarted = System.currentTimeMillis();
            CompletableFuture<List<Intake.Submission>> flood = intake.submitAllInBackground(
                    Complaints.of("flood-" + batch, floodSize), floodClients, new AtomicInteger(), FLOODER);
            LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
            // One complaint from each of the other clients, each its own address.
            List<Intake.Submission> others = intake.atFixedRate("others-" + batch, othersPerSecond, othersFor,
                    i -> "198.18." + i / 256 + "." + i % 256);
            List<Intake.Submission> flooded = flood.join();
            List<Intake.Submission> all = new ArrayList<>(flooded);
            all.addAll(others);
            Map<String, Instant> last = awaitMailed(mailbox, all, Duration.ofMinutes(30));
            return new Run(flooded, others, last, floodStarted);
        }
    }

    /**
     * Waits until every accepted complaint has an email and no email has arrived for 15 s (a complaint's later
     * emails follow its first within seconds); the last email of each reference.
     */
    private static Map<String, Instant> awaitMailed(Mailbox mailbox, List<Intake.Submission> submissions,
            Duration atMost) {
        List<String> references = submissions.stream().filter(Intake.Submission::accepted)
                .map(Intake.Submission::reference).toList();
        long deadline = System.nanoTime() + atMost.toNanos();
        int lastCount = -1;
        long quietSince = System.nanoTime();
        while (true) {
            List<Mailbox.Delivered> messages = mailbox.messages();
            Map<String, Instant> last = Mailbox.lastByReference(messages);
            if (messages.size() != lastCount) {
                lastCount = messages.size();
                quietSince = System.nanoTime();
            }
            boolean quiet = System.nanoTime() - quietSince > Duration.ofSeconds(15).toNanos();
            if ((last.keySet().containsAll(references) && quiet) || System.nanoTime() > deadline) {
                return last;
            }
            LockSupport.parkNanos(Duration.ofSeconds(3).toNanos());
        }
    }

    private record Run(List<Intake.Submission> flood, List<Intake.Submission> others, Map<String, Instant> last,
            long floodStartedMillis) {

        List<Long> othersMillis() {
            return others.stream().filter(Intake.Submission::accepted).filter(s -> last.containsKey(s.reference()))
                    .map(s -> last.get(s.reference()).toEpochMilli() - s.acceptedAtMillis()).sorted().toList();
        }

        long unmailed() {
            return Stream.concat(flood.stream(), others.stream())
                    .filter(Intake.Submission::accepted).filter(s -> !last.containsKey(s.reference())).count();
        }

        long floodAccepted() {
            return flood.stream().filter(Intake.Submission::accepted).count();
        }

        double floodQueuedSeconds() {
            long lastAnswer = flood.stream().mapToLong(Intake.Submission::acceptedAtMillis).max().orElse(0);
            return (lastAnswer - floodStartedMillis) / 1000.0;
        }

        double floodDrainedSeconds() {
            long lastEmail = flood.stream().filter(Intake.Submission::accepted)
                    .map(s -> last.get(s.reference())).filter(Objects::nonNull)
                    .mapToLong(Instant::toEpochMilli).max().orElse(floodStartedMillis);
            return (lastEmail - floodStartedMillis) / 1000.0;
        }

        Map<String, Object> figures() {
            List<Long> millis = othersMillis();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("othersComplaints", millis.size());
            figures.put("othersP50Ms", SystemBenchmark.percentile(millis, 0.50));
            figures.put("othersP95Ms", SystemBenchmark.percentile(millis, 0.95));
            figures.put("othersP99Ms", SystemBenchmark.percentile(millis, 0.99));
            figures.put("othersMaxMs", SystemBenchmark.percentile(millis, 1.0));
            figures.put("floodComplaints", floodAccepted());
            figures.put("floodQueuedSeconds", Math.round(floodQueuedSeconds() * 10) / 10.0);
            figures.put("floodDrainedSeconds", Math.round(floodDrainedSeconds() * 10) / 10.0);
            return figures;
        }

        String row(String lanes) {
            List<Long> millis = othersMillis();
            return String.format(Locale.ROOT, "| %s | %d | %d ms | %d ms | %d ms | %d ms | %d | %.1f s | %.1f s |",
                    lanes, millis.size(), SystemBenchmark.percentile(millis, 0.50), SystemBenchmark.percentile(millis, 0.95),
                    SystemBenchmark.percentile(millis, 0.99), SystemBenchmark.percentile(millis, 1.0), floodAccepted(), floodQueuedSeconds(),
                    floodDrainedSeconds());
        }
    }

    private void write(Path folder, List<String> rows, Map<String, Object> figures) throws IOException {
        List<String> report = new ArrayList<>();
        report.add("# Flood benchmark");
        report.add("");
        report.add("Written by `FloodBenchmark` (`./mvnw -B verify -pl system-tests -Pbench -Dit.test=FloodBenchmark`) "
                + "on " + figures.get("runAt") + ", " + Runtime.getRuntime().availableProcessors() + " cores. "
                + "Each row is a fresh deployment of the whole system (one broker, 2 instances of each service, the "
                + "mail catcher), built from the project's Dockerfiles. One client sends " + floodSize
                + " complaints from " + floodClients + " connections as fast as the intake takes them; two seconds "
                + "in, other clients send one complaint each, " + othersPerSecond + " a second for "
                + othersFor.toSeconds() + " s. The others' latency runs from their 202 to the last of their emails "
                + "at the SMTP server. The lanes' priority allowance is the default: 2 complaints per client per "
                + "10 minutes.");
        report.add("");
        report.add("| lanes | others | others p50 | p95 | p99 | max | flood complaints | flood queued in | "
                + "flood's last email after |");
        report.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        report.addAll(rows);
        Files.createDirectories(folder.toAbsolutePath());
        Files.writeString(folder.resolve("flood.md"), String.join("\n", report) + "\n");
        Files.writeString(folder.resolve("flood.json"), JsonMapper.builder().build()
                .writerWithDefaultPrettyPrinter().writeValueAsString(figures) + "\n");
        log.info("figures written to {}", folder.toAbsolutePath());
    }
}
