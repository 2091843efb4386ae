package org.hotline.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.systemtest.HotlineSystem.Part;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployed system's speed and memory, against Kafka's own performance tools on the same broker in the same
 * run. Not a test: run with {@code ./mvnw -B verify -pl system-tests -Pbench}; the figures go to
 * {@code system-tests/benchmarks/results.md}. Settings (system properties): {@code hotline.benchmark.rates}
 * (complaints per second to try, default 2,4,8,16), {@code hotline.benchmark.step-seconds} (default 180),
 * {@code hotline.benchmark.burst} (default 50000).
 */
class SystemBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SystemBenchmark.class);
    private static final Pattern PRODUCER_RATE = Pattern.compile("records sent, ([0-9.]+) records/sec \\(([0-9.]+) "
            + "MB/sec\\), ([0-9.]+) ms avg latency, ([0-9.]+) ms max latency, [0-9]+ ms 50th, [0-9]+ ms 95th, "
            + "([0-9]+) ms 99th");

    private final List<String> report = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void measuresSustainedLoadBurstDrainAndMemoryAgainstTheBrokerAlone() throws Exception {
        List<Integer> rates = List.of(System.getProperty("hotline.benchmark.rates", "2,4,8,16").split(","))
                .stream().map(String::strip).map(Integer::parseInt).toList();
        Duration step = Duration.ofSeconds(Long.getLong("hotline.benchmark.step-seconds", 180));
        int burst = Integer.getInteger("hotline.benchmark.burst", 50_000);
        Path results = Path.of(System.getProperty("hotline.benchmark.results", "benchmarks/results.md"));

        try (HotlineSystem system = HotlineSystem.start()) {
            Intake intake = new Intake(system.intake());
            Invariants invariants = new Invariants(system);
            heading(system, rates, step, burst);

            // Warm up (JIT, connections) and learn the size of a real ComplaintReceived record.
            List<Intake.Submission> warmUp = intake.submitAll(Complaints.of("warm-up", 300), 8);
            invariants.assertKept(warmUp, Set.of(), Duration.ofMinutes(5));
            int[] emailsPerKind = emailsPerKind(system, warmUp);
            int recordSize = averageReceivedSize(system);
            Map<Part, Long> idle = memory(system);

            baseline(system, recordSize, Math.max(burst, 20_000));
            sustained(system, intake, invariants, rates, step, idle);
            burst(system, intake, burst, emailsPerKind);
        } finally {
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, String.join("\n", report) + "\n");
            log.info("figures written to {}", results.toAbsolutePath());
        }
    }

    private void heading(HotlineSystem system, List<Integer> rates, Duration step, int burst) {
        report.add("# System benchmark");
        report.add("");
        report.add("Written by `SystemBenchmark` (`./mvnw -B verify -pl system-tests -Pbench`) on " + Instant.now()
                + ", " + Runtime.getRuntime().availableProcessors() + " cores. Everything in one run on one machine:"
                + " one Kafka broker, the mail catcher as SMTP server and the three services, each in its own"
                + " container (768 MiB limit for each service), built from the project's Dockerfiles on `"
                + System.getProperty("hotline.base-image", "eclipse-temurin:17-jre") + "`; the load comes from"
                + " the test JVM over HTTP. Rates tried: " + rates + " complaints/s, " + step.toSeconds()
                + " s each; burst: " + burst + " complaints.");
        report.add("");
    }

    /** Kafka's own producer and consumer performance tools, in the broker's container, on the same broker. */
    private void baseline(HotlineSystem system, int recordSize, int records) {
        system.exec(Part.KAFKA, "/opt/kafka/bin/kafka-topics.sh", "--bootstrap-server", "localhost:9092",
                "--create", "--if-not-exists", "--topic", "perf", "--partitions", "6", "--replication-factor", "1");
        String produced = system.exec(Part.KAFKA, "/opt/kafka/bin/kafka-producer-perf-test.sh", "--topic", "perf",
                "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=localhost:9092", "acks=all");
        String transactional = system.exec(Part.KAFKA, "/opt/kafka/bin/kafka-producer-perf-test.sh", "--topic",
                "perf", "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
                "--throughput", "-1", "--transactional-id", "perf-tx", "--transaction-duration-ms", "100",
                "--producer-props", "bootstrap.servers=localhost:9092", "acks=all");
        String consumed = system.exec(Part.KAFKA, "/opt/kafka/bin/kafka-consumer-perf-test.sh",
                "--bootstrap-server", "localhost:9092", "--topic", "perf", "--messages",
                String.valueOf(records * 2L));
        producerRate = rate(produced);
        consumerRate = consumerRate(consumed);
        report.add("## Baseline: the broker alone");
        report.add("");
        report.add("Record size " + recordSize + " B (the average ComplaintReceived of this run), " + records
                + " records, acks=all.");
        report.add("");
        report.add("| tool | records/s | detail |");
        report.add("|---|---:|---|");
        report.add("| kafka-producer-perf-test | " + fmt(producerRate) + " | " + lastLine(produced) + " |");
        report.add("| kafka-producer-perf-test, transactions of 100 ms | " + fmt(rate(transactional)) + " | "
                + lastLine(transactional) + " |");
        report.add("| kafka-consumer-perf-test | " + fmt(consumerRate) + " | " + lastLine(consumed)
                .replace("|", "/") + " |");
        report.add("");
    }

    private double producerRate;
    private double consumerRate;

    /**
     * Complaints at a fixed rate for a while; end-to-end latency is from the 202 to the last of the complaint's
     * emails as the SMTP server received it.
     */
    private void sustained(HotlineSystem system, Intake intake, Invariants invariants, List<Integer> rates,
            Duration step, Map<Part, Long> idle) {
        report.add("## Sustained load");
        report.add("");
        report.add("Each rate held for " + step.toSeconds() + " s; latency from the 202 to the last email of the"
                + " complaint received by the SMTP server; all invariants checked after each step.");
        report.add("");
        report.add("| rate (complaints/s) | achieved | emails | p50 | p95 | p99 | max | p99 < 1 s | RSS intake | RSS"
                + " routing | RSS notification |");
        report.add("|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|");
        report.add("| idle | | | | | | | | " + mib(idle.get(Part.INTAKE)) + " | " + mib(idle.get(Part.ROUTING))
                + " | " + mib(idle.get(Part.NOTIFICATION)) + " |");
        Integer held = null;
        for (int rate : rates) {
            Map<Part, Long> peak = new HashMap<>();
            long started = System.nanoTime();
            List<Intake.Submission> submissions = atFixedRate(intake, "rate-" + rate, rate, step,
                    () -> memory(system).forEach((part, bytes) -> peak.merge(part, bytes, Math::max)));
            double achieved = submissions.size() / ((System.nanoTime() - started) / 1e9);
            Invariants.Report kept = invariants.assertKept(submissions, Set.of(), Duration.ofMinutes(20));
            List<Long> latencies = endToEnd(system, submissions);
            long p99 = percentile(latencies, 0.99);
            boolean holds = p99 < 1000 && submissions.stream().allMatch(Intake.Submission::accepted);
            if (holds) {
                held = rate;
            }
            report.add("| " + rate + " | " + fmt(achieved) + " | " + kept.expectedEmails() + " | "
                    + percentile(latencies, 0.5) + " ms | " + percentile(latencies, 0.95) + " ms | " + p99 + " ms | "
                    + percentile(latencies, 1.0) + " ms | " + (holds ? "yes" : "no") + " | "
                    + mib(peak.get(Part.INTAKE)) + " | " + mib(peak.get(Part.ROUTING)) + " | "
                    + mib(peak.get(Part.NOTIFICATION)) + " |");
            log.info("rate {}: p99 {} ms", rate, p99);
        }
        report.add("");
        report.add("Highest rate held with end-to-end p99 under 1 s: " + (held == null ? "none of those tried"
                : held + " complaints/s") + ". RSS: resident set of each service's JVM (PID 1 of its container),"
                + " at idle after warm-up, and the largest of samples taken every 10 s during each step.");
        report.add("");
    }

    /** Submits {@code rate} new complaints a second for {@code duration}, each on its own schedule tick. */
    private static List<Intake.Submission> atFixedRate(Intake intake, String batch, int rate, Duration duration,
            Runnable sample) {
        List<Intake.Submission> submissions = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> pending = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(32);
        java.util.concurrent.ScheduledExecutorService ticks = Executors.newScheduledThreadPool(1);
        // Sampling runs docker exec (hundreds of milliseconds): on its own thread, so the ticks stay even.
        java.util.concurrent.ScheduledExecutorService sampler = Executors.newScheduledThreadPool(1);
        AtomicInteger next = new AtomicInteger();
        long period = 1_000_000_000L / rate;
        ticks.scheduleAtFixedRate(() -> pending.add(CompletableFuture.runAsync(() ->
                submissions.add(intake.submit(Complaints.one(batch, next.getAndIncrement()))), clients)),
                0, period, TimeUnit.NANOSECONDS);
        sampler.scheduleAtFixedRate(sample, 5, 10, TimeUnit.SECONDS);
        HotlineSystem.hold(duration);
        ticks.shutdownNow();
        sampler.shutdownNow();
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        clients.shutdown();
        return List.copyOf(submissions);
    }

    /** Milliseconds from each complaint's 202 to the last of its emails, per complaint. */
    private static List<Long> endToEnd(HotlineSystem system, List<Intake.Submission> submissions) {
        Map<String, Instant> last = new HashMap<>();
        for (Mailbox.Delivered message : new Mailbox(system.mailbox()).messages()) {
            for (String reference : message.references()) {
                last.merge(reference, message.receivedAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return submissions.stream().filter(Intake.Submission::accepted)
                .map(s -> last.get(s.reference()).toEpochMilli() - s.acceptedAtMillis()).sorted().toList();
    }

    /**
     * Routing and notification stopped, the burst queued through intake, then both started: how long each stage
     * takes to drain it.
     */
    private void burst(HotlineSystem system, Intake intake, int size, int[] emailsPerKind) {
        system.stopGracefully(Part.ROUTING);
        system.stopGracefully(Part.NOTIFICATION);
        int mailBefore = mailCount(system);
        long queueStarted = System.nanoTime();
        List<Intake.Submission> submissions = intake.submitAll(Complaints.of("burst", size), 16);
        double queueSeconds = (System.nanoTime() - queueStarted) / 1e9;
        assertThat(submissions).allMatch(Intake.Submission::accepted);

        long started = System.nanoTime();
        system.restart(Part.ROUTING);
        system.restart(Part.NOTIFICATION);
        // Routing's own count of decisions (it starts from zero with the restart): the offsets of a transactional
        // topic never show a lag of zero, its commit markers take offsets too.
        await().atMost(Duration.ofHours(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> metricSum(system, Part.ROUTING, "hotline_routing_decisions_total") >= size);
        double routedAfter = (System.nanoTime() - started) / 1e9;
        log.info("burst routed in {} s", routedAfter);
        int emails = expectedEmails(size, emailsPerKind);
        await().atMost(Duration.ofHours(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> mailCount(system) - mailBefore >= emails);
        double sentAfter = (System.nanoTime() - started) / 1e9;

        report.add("## Burst");
        report.add("");
        report.add(size + " complaints queued through intake (16 clients) while routing and notification were"
                + " stopped, then both started.");
        report.add("");
        report.add("| stage | time | complaints/s | emails/s | of the broker alone |");
        report.add("|---|---:|---:|---:|---|");
        report.add("| intake: queue the burst | " + fmt(queueSeconds) + " s | " + fmt(size / queueSeconds) + " | | "
                + pct(size / queueSeconds, producerRate) + " of the producer tool |");
        report.add("| routing: start and drain it | " + fmt(routedAfter) + " s | " + fmt(size / routedAfter) + " | | "
                + pct(size / routedAfter, Math.min(producerRate, consumerRate))
                + " of the slower of the producer and consumer tools |");
        report.add("| notification: start, and the SMTP server has the last email | " + fmt(sentAfter) + " s | "
                + fmt(size / sentAfter) + " | " + fmt(emails / sentAfter) + " | " + pct(size / sentAfter,
                consumerRate) + " of the consumer tool |");
        report.add("");
    }

    /** The emails a burst made by {@link Complaints#of} calls for: the cases take turns. */
    private static int expectedEmails(int size, int[] emailsPerKind) {
        int total = 0;
        for (int i = 0; i < size; i++) {
            total += emailsPerKind[i % Complaints.KINDS];
        }
        return total;
    }

    /** How many emails each of the six cases gets, as delivered for the warm-up (checked by the invariants). */
    private static int[] emailsPerKind(HotlineSystem system, List<Intake.Submission> warmUp) {
        Map<String, Long> perReference = new HashMap<>();
        for (Mailbox.Delivered message : new Mailbox(system.mailbox()).messages()) {
            message.references().forEach(reference -> perReference.merge(reference, 1L, Long::sum));
        }
        int[] perKind = new int[Complaints.KINDS];
        for (Intake.Submission submission : warmUp) {
            perKind[submission.complaint().kind()] = perReference.get(submission.reference()).intValue();
        }
        return perKind;
    }

    /** The sum of a counter's series on a service's Prometheus endpoint. */
    private double metricSum(HotlineSystem system, Part part, String name) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(system.management(part).resolve("/actuator/prometheus"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private int mailCount(HotlineSystem system) {
        try {
            return Integer.parseInt(http.send(HttpRequest.newBuilder(URI.create(system.mailbox()
                    + "/api/messages/count")).build(), HttpResponse.BodyHandlers.ofString()).body().strip());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int averageReceivedSize(HotlineSystem system) {
        List<Topics.Record> received = new Topics(system.bootstrapServers()).readAll(Topics.RECEIVED);
        return (int) received.stream().mapToInt(record -> record.value().length).average().orElseThrow();
    }

    private static Map<Part, Long> memory(HotlineSystem system) {
        Map<Part, Long> rss = new HashMap<>();
        for (Part part : List.of(Part.INTAKE, Part.ROUTING, Part.NOTIFICATION)) {
            rss.put(part, system.residentBytes(part));
        }
        return rss;
    }

    private static double rate(String perfOutput) {
        Matcher matcher = PRODUCER_RATE.matcher(perfOutput);
        double rate = -1;
        while (matcher.find()) {
            rate = Double.parseDouble(matcher.group(1));
        }
        return rate;
    }

    /** The consumer tool's CSV line: ..., data.consumed.in.nMsg, nMsg.sec, ... */
    private static double consumerRate(String perfOutput) {
        String[] fields = lastLine(perfOutput).split(",");
        return Double.parseDouble(fields[5].strip());
    }

    private static String lastLine(String output) {
        List<String> lines = output.lines().filter(line -> !line.isBlank() && !line.startsWith("WARN")
                && !line.startsWith("[")).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    private static String pct(double part, double whole) {
        return whole <= 0 ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * part / whole);
    }

    private static String mib(Long bytes) {
        return bytes == null ? "" : bytes / (1024 * 1024) + " MiB";
    }
}
