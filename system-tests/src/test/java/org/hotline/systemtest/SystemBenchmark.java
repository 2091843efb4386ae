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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.hotline.systemtest.HotlineSystem.Instance;
import org.hotline.systemtest.HotlineSystem.Part;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployed system's speed and memory, each stage against a bare baseline on the same broker or SMTP server in
 * the same run. Not a test: run with {@code ./mvnw -B verify -pl system-tests -Pbench}; the figures go to
 * {@code system-tests/benchmarks/results.md} and {@code results.json}. Settings (system properties):
 * <ul>
 *   <li>{@code hotline.benchmark.rates}: complaints per second to try, in turn (default 25,50,100,150,200); the
 *       steps stop at the first rate not held, unless {@code hotline.benchmark.all-rates=true};</li>
 *   <li>{@code hotline.benchmark.step-seconds}: how long each rate is held (default 180);</li>
 *   <li>{@code hotline.benchmark.warm-load-seconds}: before the steps, the first rate is sent, not measured, in
 *       rounds of this many seconds (default 60; 0: none) until the services' JIT compilers settle: the code is
 *       compiled under load, not in the first step;</li>
 *   <li>{@code hotline.benchmark.settled-compiler-seconds}: settled means that in the last round the compiler
 *       threads of all service instances together used fewer CPU seconds a minute than this (default 8, under 7 %
 *       of two cores);</li>
 *   <li>{@code hotline.benchmark.warm-load-max-seconds}: rounds start no later than this after the first (default
 *       900);</li>
 *   <li>{@code hotline.benchmark.burst}: complaints in the burst (default 50000);</li>
 *   <li>{@code hotline.benchmark.burst-clients}: clients submitting the burst at once, each waiting for its answer
 *       before its next complaint (default 128: many people at once, as after a news story);</li>
 *   <li>{@code hotline.benchmark.burst-cold}: {@code true} stops routing, notification and the case service while
 *       the burst is queued and starts them again to drain it, so that they drain it with cold JVMs; by default
 *       they are paused (docker pause) and resumed, as services whose broker or SMTP server was away would be;</li>
 *   <li>{@code hotline.benchmark.heap}: the services' JVM heap, {@code -Xmx} (default 384m, the local stack's;
 *       empty: the image's default, 75 % of the container's 768 MiB);</li>
 *   <li>{@code hotline.benchmark.case-heap}: the case service's (default 192m, the local stack's; its state is in
 *       RocksDB, outside the heap);</li>
 *   <li>{@code hotline.benchmark.silence-check}: how often the case service checks its files for silence (default
 *       5m, production's; empty: the dev profile's 10 s, see {@link HotlineSystem.Settings#benchmarked});</li>
 *   <li>{@code hotline.benchmark.mail-memory-mib}: the mail catcher's memory limit (default 6144), which keeps
 *       every message it received since its last start in memory;</li>
 *   <li>{@code hotline.benchmark.rss-seconds}: how often every service's resident set is sampled (default 5);</li>
 *   <li>{@code hotline.benchmark.notification-connections}: notification's SMTP connections, and the baseline's
 *       (default 4, the service's).</li>
 * </ul>
 */
class SystemBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SystemBenchmark.class);
    private static final Pattern PRODUCER_RATE = Pattern.compile("records sent, ([0-9.]+) records/sec \\(([0-9.]+) "
            + "MB/sec\\), ([0-9.]+) ms avg latency, ([0-9.]+) ms max latency, [0-9]+ ms 50th, [0-9]+ ms 95th, "
            + "([0-9]+) ms 99th");
    /**
     * Routing's max.poll.records (routing-service's application.yml), hence the records in each of its
     * transactions; the relay takes as many. {@code -Dhotline.benchmark.relay-max-poll-records} if it changes.
     */
    private static final int ROUTING_MAX_POLL_RECORDS = Integer.getInteger("hotline.benchmark.relay-max-poll-records",
            500);
    /**
     * Notification's SMTP connections ({@code hotline.notification.connections}, the service's default 4, or
     * {@code -Dhotline.benchmark.notification-connections}); the baseline sends over as many.
     */
    private static final int NOTIFICATION_CONNECTIONS = Integer.getInteger(
            "hotline.benchmark.notification-connections", 4);
    /** How many of the burst's emails give the baseline's message size, spread over all of them. */
    private static final int MESSAGE_SAMPLE = 500;
    private static final String SCRATCH_TOPIC = "benchmark.relay.scratch";
    /** The case service's consumer group: its Kafka Streams application id (case-service's application.yml). */
    private static final String CASE_GROUP = "case-service";
    /** Routing's consumer group (the binding's group in routing-service's application.yml). */
    private static final String ROUTING_GROUP = "routing-service";

    private final List<String> report = new ArrayList<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    /** Set once the system runs. */
    private @Nullable Cpu cpu;

    private final List<Integer> rates = List.of(System.getProperty("hotline.benchmark.rates", "25,50,100,150,200")
            .split(",")).stream().map(String::strip).map(Integer::parseInt).toList();
    private final boolean allRates = Boolean.getBoolean("hotline.benchmark.all-rates");
    private final Duration step = Duration.ofSeconds(Long.getLong("hotline.benchmark.step-seconds", 180));
    private final Duration warmLoad = Duration.ofSeconds(Long.getLong("hotline.benchmark.warm-load-seconds", 60));
    private final Duration warmLoadMax = Duration.ofSeconds(Long.getLong("hotline.benchmark.warm-load-max-seconds",
            900));
    private final double settledCompilerSeconds = Double.parseDouble(System.getProperty(
            "hotline.benchmark.settled-compiler-seconds", "8"));
    private final int burst = Integer.getInteger("hotline.benchmark.burst", 50_000);
    /**
     * Whether routing and notification are stopped while the burst is queued and started again to drain it (their
     * JVMs start cold, compiling as they drain), rather than paused and resumed with the code they compiled under
     * the sustained load.
     */
    private final boolean burstCold = Boolean.getBoolean("hotline.benchmark.burst-cold");
    /** How many people submit the burst at once, each waiting for the answer before the next complaint. */
    private final int burstClients = Integer.getInteger("hotline.benchmark.burst-clients", 128);
    private final String heap = System.getProperty("hotline.benchmark.heap",
            HotlineSystem.Settings.LOCAL_STACK_HEAP).strip();
    private final String caseHeap = System.getProperty("hotline.benchmark.case-heap",
            HotlineSystem.Settings.LOCAL_STACK_CASE_HEAP).strip();
    private final String silenceCheck = System.getProperty("hotline.benchmark.silence-check", "5m").strip();
    private final long mailMemoryMiB = Long.getLong("hotline.benchmark.mail-memory-mib", 6144);
    private final long rssSeconds = Long.getLong("hotline.benchmark.rss-seconds", 5);

    @Test
    void measuresEachStageAgainstItsBaselineSustainedLoadAndABurstInBoundedMemory() throws Exception {
        Path results = Path.of(System.getProperty("hotline.benchmark.results", "benchmarks"));
        Map<Part, Map<String, String>> serviceEnv = new HashMap<>(
                HotlineSystem.Settings.benchmarked(heap, caseHeap, silenceCheck));
        Map<String, String> notificationEnv = new HashMap<>(serviceEnv.get(Part.NOTIFICATION));
        notificationEnv.put("HOTLINE_NOTIFICATION_CONNECTIONS", String.valueOf(NOTIFICATION_CONNECTIONS));
        serviceEnv.put(Part.NOTIFICATION, notificationEnv);
        figures.put("runAt", Instant.now().toString());
        figures.put("serviceInstances", HotlineSystem.SERVICE_INSTANCES);
        try (HotlineSystem system = HotlineSystem.start(new HotlineSystem.Settings(serviceEnv, mailMemoryMiB));
                Memory memory = new Memory(system, rssSeconds)) {
            Intake intake = new Intake(system.intakes());
            Invariants invariants = new Invariants(system);
            cpu = new Cpu(system);
            heading();

            // Warm up (JIT, connections) and learn the size of a real ComplaintReceived record.
            phase(memory, "warm-up");
            List<Intake.Submission> warmUp = intake.submitAll(Complaints.of("warm-up", 300), 8);
            invariants.assertKept(warmUp, Set.of(), Duration.ofMinutes(5));
            int[] emailsPerKind = emailsPerKind(system, warmUp);
            int recordSize = averageReceivedSize(system);

            phase(memory, "broker tools");
            brokerTools(system, recordSize, Math.max(burst, 20_000));
            sustained(system, intake, invariants, memory);
            burst(system, intake, invariants, emailsPerKind, memory);
            phase(memory, "end");
            memory.report(report);
            cpu.report(report);
        } finally {
            write(results);
        }
    }

    private void heading() {
        report.add("# System benchmark");
        report.add("");
        report.add("Written by `SystemBenchmark` (`./mvnw -B verify -pl system-tests -Pbench`) on "
                + figures.get("runAt") + ", " + Runtime.getRuntime().availableProcessors() + " cores. Everything in"
                + " one run on one machine: one Kafka broker, the mail catcher as SMTP server and "
                + HotlineSystem.SERVICE_INSTANCES + " instances of each service on the same topics, each in its own"
                + " container (768 MiB limit for each service; JVM heap " + heapText(heap) + ", the case service's "
                + heapText(caseHeap) + "; the case service checks its files for silence every "
                + (silenceCheck.isEmpty() ? "10s, the dev profile's" : silenceCheck) + "), built from the project's"
                + " Dockerfiles on `" + System.getProperty("hotline.base-image", "eclipse-temurin:17-jre")
                + "`; the load comes from the test JVM over HTTP, spread over the intake instances. Rates tried: "
                + rates + " complaints/s, " + step.toSeconds() + " s each; burst: " + burst + " complaints. The"
                + " baselines run on the same broker and the same SMTP server, in the same run.");
        report.add("");
    }

    private static String heapText(String heap) {
        return heap.isEmpty() ? "the image's default, 75 % of the limit"
                : "`-Xmx" + heap + "` through JAVA_TOOL_OPTIONS";
    }

    /** Kafka's own producer and consumer performance tools, in the broker's container, on the same broker. */
    private void brokerTools(HotlineSystem system, int recordSize, int records) {
        Instance kafka = Part.KAFKA.single();
        system.exec(kafka, "/opt/kafka/bin/kafka-topics.sh", "--bootstrap-server", "localhost:9092",
                "--create", "--if-not-exists", "--topic", "perf", "--partitions", "6", "--replication-factor", "1");
        String produced = system.exec(kafka, "/opt/kafka/bin/kafka-producer-perf-test.sh", "--topic", "perf",
                "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=localhost:9092", "acks=all");
        String transactional = system.exec(kafka, "/opt/kafka/bin/kafka-producer-perf-test.sh", "--topic",
                "perf", "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
                "--throughput", "-1", "--transactional-id", "perf-tx", "--transaction-duration-ms", "100",
                "--producer-props", "bootstrap.servers=localhost:9092", "acks=all");
        String consumed = system.exec(kafka, "/opt/kafka/bin/kafka-consumer-perf-test.sh",
                "--bootstrap-server", "localhost:9092", "--topic", "perf", "--messages",
                String.valueOf(records * 2L));
        transactionalProducerRate = rate(transactional);
        report.add("## The broker alone");
        report.add("");
        report.add("Record size " + recordSize + " B (the average ComplaintReceived of this run), " + records
                + " records, acks=all.");
        report.add("");
        report.add("| tool | records/s | detail |");
        report.add("|---|---:|---|");
        report.add("| kafka-producer-perf-test | " + fmt(rate(produced)) + " | " + lastLine(produced) + " |");
        report.add("| kafka-producer-perf-test, transactions of 100 ms | " + fmt(transactionalProducerRate) + " | "
                + lastLine(transactional) + " |");
        report.add("| kafka-consumer-perf-test | " + fmt(consumerRate(consumed)) + " | " + lastLine(consumed)
                .replace("|", "/") + " |");
        report.add("");
    }

    private double transactionalProducerRate;

    /**
     * Complaints at fixed rates, each for a step; end-to-end latency is from the 202 to the last of the complaint's
     * emails as the SMTP server received it. The mailbox starts empty for each step (see {@link #emptyMailbox}).
     */
    private void sustained(HotlineSystem system, Intake intake, Invariants invariants, Memory memory) {
        report.add("## Sustained load");
        report.add("");
        String warmedUp = warmUnderLoad(intake, invariants, memory);
        report.add("Each rate held for " + step.toSeconds() + " s; latency from the 202 to the last email of the"
                + " complaint received by the SMTP server; all invariants checked after each step. Before each step"
                + " the mail catcher is emptied and 30 complaints go through (not timed); the benchmark then sends"
                + " and reads nothing (but notification's metrics) for " + QUIET.toSeconds() + " s before the step"
                + " and " + QUIET.toSeconds() + " s after it, so that its reads of the topics and the mailbox take no"
                + " CPU from the step's first and last complaints; the CPU table shows the checks apart. " + warmedUp);
        report.add("");
        report.add("| rate (complaints/s) | achieved | emails | p50 | p95 | p99 | max | p99 < 1 s |");
        report.add("|---:|---:|---:|---:|---:|---:|---:|---|");
        Integer held = null;
        Long heldP99 = null;
        List<String> stages = new ArrayList<>();
        List<String> inside = new ArrayList<>();
        List<String> windows = new ArrayList<>();
        for (int rate : rates) {
            emptyMailbox(system);
            invariants.assertKept(intake.submitAll(Complaints.of("before-" + rate, 30), 4), Set.of(),
                    Duration.ofMinutes(5));
            HotlineSystem.hold(QUIET);
            phase(memory, "sustained " + rate + "/s");
            long started = System.nanoTime();
            List<Intake.Submission> submissions = intake.atFixedRate("rate-" + rate, rate, step, i -> null);
            double achieved = submissions.size() / ((System.nanoTime() - started) / 1e9);
            // The step's CPU row holds the step alone; this one the quiet, the checks and the next step's start.
            cpuPhase("after sustained " + rate + "/s: checks");
            inside.add(insideNotification(system, rate));
            HotlineSystem.hold(QUIET);
            Invariants.Report kept = invariants.assertKept(submissions, Set.of(), Duration.ofMinutes(20));
            Map<String, Instant> lastEmail = lastEmails(system);
            List<Long> latencies = endToEnd(lastEmail, submissions);
            long p99 = percentile(latencies, 0.99);
            boolean holds = p99 < 1000 && submissions.stream().allMatch(Intake.Submission::accepted);
            report.add("| " + rate + " | " + fmt(achieved) + " | " + kept.expectedEmails() + " | "
                    + percentile(latencies, 0.5) + " ms | " + percentile(latencies, 0.95) + " ms | " + p99 + " ms | "
                    + percentile(latencies, 1.0) + " ms | " + (holds ? "yes" : "no") + " |");
            log.info("rate {}: p99 {} ms", rate, p99);
            stages.add(stages(system, rate, submissions, lastEmail));
            windows.add(windows(rate, submissions, lastEmail, windowCount()));
            logSlowBySecond(rate, submissions, lastEmail);
            if (holds) {
                held = rate;
                heldP99 = p99;
            } else if (!allRates) {
                break;
            }
        }
        figures.put("sustained", map("heldPerSecond", held, "p99Ms", heldP99));
        report.add("");
        report.add("Highest rate held for " + step.toSeconds() + " s with end-to-end p99 under 1 s: "
                + (held == null ? "none of those tried" : held + " complaints/s (p99 " + heldP99 + " ms)") + "."
                + (allRates ? "" : " The steps stop at the first rate not held."));
        report.add("");
        report.add("Where the time goes, per complaint, from the records' timestamps (each producer's clock when it"
                + " sent, all on this machine) and the SMTP server's: intake is the 202 back to the received record"
                + " (the request's own time after its send: the commit and the answer), routing the received record"
                + " to the routed one (read_committed delivery of intake's transaction, the decision and routing's"
                + " send), notification the routed record to the last email the SMTP server took.");
        report.add("");
        report.add("| rate (complaints/s) | intake p50 / p99 | routing p50 / p99 | notification p50 / p99"
                + " | notification max |");
        report.add("|---:|---:|---:|---:|---:|");
        report.addAll(stages);
        report.add("");
        report.add("Inside notification, from its own metrics read as each step's load ends (Micrometer's quantiles"
                + " over about the last two minutes; the larger of the two instances' figures), p50 / p99: how long"
                + " a routed record took to be read after routing sent it (routing's commit, the fetch, any"
                + " backlog), then each step of a sender's batch: waited (due to taken), rendered, connected (only"
                + " when a sender opened a connection), intents written, sent (the batch's emails one after"
                + " another), results written.");
        report.add("");
        report.add("| rate (complaints/s) | read | waited | rendered | connected | intents written | sent"
                + " | results written |");
        report.add("|---:|---:|---:|---:|---:|---:|---:|---:|");
        report.addAll(inside);
        report.add("");
        report.add("When in the step the slow complaints came, by when intake accepted them, in windows of "
                + WINDOW.toSeconds() + " s from the step's first: in each, the end-to-end p99 and how many took"
                + " over 1 s. A tail bunched in one window is a stall (a pause, a rebalance, a compiler or a"
                + " periodic task); one spread over all is the rate.");
        report.add("");
        long windowCount = windowCount();
        StringBuilder header = new StringBuilder("| rate (complaints/s) |");
        StringBuilder rule = new StringBuilder("|---:|");
        for (long window = 0; window < windowCount; window++) {
            header.append(' ').append(window * WINDOW.toSeconds()).append('–')
                    .append((window + 1) * WINDOW.toSeconds()).append(" s |");
            rule.append("---:|");
        }
        report.add(header.toString());
        report.add(rule.toString());
        report.addAll(windows);
        report.add("");
    }

    private static final Duration WINDOW = Duration.ofSeconds(30);

    /**
     * How long the benchmark sends and reads nothing (but notification's metrics, once) before and after each
     * measured step: the checks read every topic and the whole mailbox, several CPU seconds of the test JVM, the
     * broker and the mail catcher, and must take none of the cores from the step's first or last complaints.
     */
    private static final Duration QUIET = Duration.ofSeconds(10);

    /**
     * Logs (not in the report) the seconds of the step in which complaints took over 1 s, with how many: finer than
     * the windows, to tell a stall from the rate.
     */
    private static void logSlowBySecond(int rate, List<Intake.Submission> submissions,
            Map<String, Instant> lastEmail) {
        Map<Long, Long> slowBySecond = new TreeMap<>();
        latenciesByAcceptance(submissions, lastEmail, 1000, Long.MAX_VALUE).forEach((second, latencies) -> {
            long slow = latencies.stream().filter(latency -> latency > 1000).count();
            if (slow > 0) {
                slowBySecond.put(second, slow);
            }
        });
        if (slowBySecond.size() > 20) {
            log.info("rate {}: complaints over 1 s in {} of the step's seconds, {} in all", rate,
                    slowBySecond.size(), slowBySecond.values().stream().mapToLong(Long::longValue).sum());
        } else {
            log.info("rate {}: complaints over 1 s by the second of the step they were accepted in: {}", rate,
                    slowBySecond);
        }
    }

    private long windowCount() {
        return Math.max(1, (step.toMillis() + WINDOW.toMillis() - 1) / WINDOW.toMillis());
    }

    /**
     * The step's end-to-end latencies by when each complaint was accepted, in windows of {@link #WINDOW}: each
     * window's p99 and how many complaints took over 1 s, as a row of the table above.
     */
    private static String windows(int rate, List<Intake.Submission> submissions, Map<String, Instant> lastEmail,
            long windowCount) {
        // The last requests of a step may be answered just after its end: they count in its last window.
        Map<Long, List<Long>> byWindow = latenciesByAcceptance(submissions, lastEmail, WINDOW.toMillis(),
                windowCount - 1);
        StringBuilder row = new StringBuilder("| " + rate + " |");
        for (List<Long> latencies : byWindow.values()) {
            latencies.sort(null);
            long slow = latencies.stream().filter(latency -> latency > 1000).count();
            row.append(' ').append(percentile(latencies, 0.99)).append(" ms (").append(slow).append(") |");
        }
        return row.toString();
    }

    /**
     * The accepted complaints' end-to-end latencies, in ms, by the period of {@code periodMillis} from the step's
     * first acceptance in which each was accepted (at most {@code lastPeriod}), in the periods' order.
     */
    private static Map<Long, List<Long>> latenciesByAcceptance(List<Intake.Submission> submissions,
            Map<String, Instant> lastEmail, long periodMillis, long lastPeriod) {
        List<Intake.Submission> accepted = submissions.stream().filter(Intake.Submission::accepted).toList();
        long first = accepted.stream().mapToLong(Intake.Submission::acceptedAtMillis).min().orElse(0);
        Map<Long, List<Long>> byPeriod = new TreeMap<>();
        for (Intake.Submission submission : accepted) {
            long latency = lastEmail.get(submission.reference()).toEpochMilli() - submission.acceptedAtMillis();
            byPeriod.computeIfAbsent(Math.min(lastPeriod, (submission.acceptedAtMillis() - first) / periodMillis),
                    period -> new ArrayList<>()).add(latency);
        }
        return byPeriod;
    }

    private static final Pattern NOTIFICATION_TIMER = Pattern.compile(
            "^hotline_notification_(batch_stage|read_delay)_seconds\\{(.*)\\} (\\S+)$");
    private static final List<String> NOTIFICATION_STEPS = List.of("read", "waited", "rendered", "connected",
            "intents_written", "sent", "results_written");

    /**
     * Sends the first rate, not measured, in rounds of {@link #warmLoad}, until the services' JIT compilers settle
     * (or {@link #warmLoadMax} has passed), and says so for the report. On two cores, the eight services' JVMs
     * compiling their hot code took about a quarter of the machine for the first ten minutes of load, and a first
     * step measured meanwhile missed its p99 by tens of seconds at a rate the next steps held: 20/s three times in a
     * row had a p99 of 25 s, 3.9 s and 0.4 s after a fixed minute of warm load (2026-12-04).
     */
    private String warmUnderLoad(Intake intake, Invariants invariants, Memory memory) {
        if (warmLoad.isZero() || rates.isEmpty()) {
            return "The steps start without a warm load.";
        }
        phase(memory, "loaded warm-up");
        int rate = rates.get(0);
        long started = System.nanoTime();
        int rounds = 0;
        double perMinute;
        do {
            rounds++;
            Map<Instance, HotlineSystem.CpuTime> before = Objects.requireNonNull(cpu).services();
            long roundStarted = System.nanoTime();
            invariants.assertKept(intake.atFixedRate("warm-load-" + rounds, rate, warmLoad, i -> null), Set.of(),
                    Duration.ofMinutes(20));
            perMinute = Cpu.compilerSeconds(before, cpu.services()) * 60e9 / (System.nanoTime() - roundStarted);
            log.info("warm load, round {}: the services' JIT compilers used {} CPU s a minute", rounds,
                    fmt(perMinute));
        } while (perMinute >= settledCompilerSeconds && System.nanoTime() - started < warmLoadMax.toNanos());
        return "Before the first step, its rate was sent, not measured, in rounds of " + warmLoad.toSeconds()
                + " s until the services' JIT compilers, all instances together, used under "
                + fmt(settledCompilerSeconds) + " CPU s a minute (at most " + warmLoadMax.toSeconds() + " s): "
                + rounds + " rounds, " + Math.round((System.nanoTime() - started) / 1e9) + " s, "
                + fmt(perMinute) + " CPU s a minute in the last" + (perMinute >= settledCompilerSeconds
                        ? ", not settled" : "") + ". Measured while they compile, a first step missed its p99 by"
                + " tens of seconds at a rate the next steps held (the CPU table below shows their share).";
    }

    /** Notification's split of its time in the step just run, as a row: p50 / p99 of each step, in ms. */
    private static String insideNotification(HotlineSystem system, int rate) {
        Map<String, double[]> largest = new LinkedHashMap<>();
        NOTIFICATION_STEPS.forEach(step -> largest.put(step, new double[] {Double.NaN, Double.NaN}));
        for (Instance instance : Part.NOTIFICATION.all()) {
            String metrics;
            try {
                metrics = system.prometheus(instance);
            } catch (RuntimeException e) {
                // A diagnostic figure: its absence ("–") must not cost the run.
                log.warn("the metrics of {} could not be read: {}", instance, e.toString());
                continue;
            }
            for (String line : metrics.split("\n")) {
                Matcher timer = NOTIFICATION_TIMER.matcher(line);
                if (!timer.matches()) {
                    continue;
                }
                String labels = timer.group(2);
                String step = "read_delay".equals(timer.group(1))
                        ? (labels.contains("topic=\"" + Topics.ROUTED + "\"") ? "read" : "")
                        : label(labels, "stage");
                String quantile = label(labels, "quantile");
                int index = "0.5".equals(quantile) ? 0 : "0.99".equals(quantile) ? 1 : -1;
                double[] figures = largest.get(step);
                double millis = Double.parseDouble(timer.group(3)) * 1000;
                if (figures != null && index >= 0 && !Double.isNaN(millis)
                        && (Double.isNaN(figures[index]) || millis > figures[index])) {
                    figures[index] = millis;
                }
            }
        }
        StringBuilder row = new StringBuilder("| " + rate + " |");
        largest.values().forEach(figures -> row.append(' ').append(millis(figures[0])).append(" / ")
                .append(millis(figures[1])).append(" ms |"));
        return row.toString();
    }

    private static String label(String labels, String name) {
        Matcher value = Pattern.compile("(?:^|,)" + name + "=\"([^\"]*)\"").matcher(labels);
        return value.find() ? value.group(1) : "";
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "–" : value < 10 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.0f", value);
    }

    /** The sustained step's latency split by stage, as a row of the table above. */
    private static String stages(HotlineSystem system, int rate, List<Intake.Submission> submissions,
            Map<String, Instant> lastEmail) {
        Topics topics = new Topics(system.bootstrapServers());
        Map<String, Long> received = timestamps(topics.readAll(Topics.RECEIVED));
        Map<String, Long> routed = timestamps(topics.readAll(Topics.ROUTED));
        List<Long> intakeMillis = new ArrayList<>();
        List<Long> routingMillis = new ArrayList<>();
        List<Long> notificationMillis = new ArrayList<>();
        for (Intake.Submission submission : submissions) {
            Long receivedAt = received.get(submission.complaintId());
            Long routedAt = routed.get(submission.complaintId());
            Instant emailed = lastEmail.get(submission.reference());
            if (!submission.accepted() || receivedAt == null || routedAt == null || emailed == null) {
                continue;
            }
            intakeMillis.add(submission.acceptedAtMillis() - receivedAt);
            routingMillis.add(routedAt - receivedAt);
            notificationMillis.add(emailed.toEpochMilli() - routedAt);
        }
        intakeMillis.sort(null);
        routingMillis.sort(null);
        notificationMillis.sort(null);
        return "| " + rate + " | " + percentile(intakeMillis, 0.5) + " / " + percentile(intakeMillis, 0.99) + " ms | "
                + percentile(routingMillis, 0.5) + " / " + percentile(routingMillis, 0.99) + " ms | "
                + percentile(notificationMillis, 0.5) + " / " + percentile(notificationMillis, 0.99) + " ms | "
                + percentile(notificationMillis, 1.0) + " ms |";
    }

    /** The timestamp of each complaint's record (the first, should a record be there twice), by complaint id. */
    private static Map<String, Long> timestamps(List<Topics.Record> records) {
        Map<String, Long> byKey = new HashMap<>();
        for (Topics.Record record : records) {
            if (record.key() != null) {
                byKey.putIfAbsent(record.key(), record.timestamp());
            }
        }
        return byKey;
    }

    /** When the SMTP server took the last email naming each reference. */
    private static Map<String, Instant> lastEmails(HotlineSystem system) {
        return new Mailbox(system.mailbox()).lastByReference();
    }

    /** Milliseconds from each complaint's 202 to the last of its emails, per complaint. */
    private static List<Long> endToEnd(Map<String, Instant> last, List<Intake.Submission> submissions) {
        return submissions.stream().filter(Intake.Submission::accepted)
                .map(s -> last.get(s.reference()).toEpochMilli() - s.acceptedAtMillis()).sorted().toList();
    }

    /**
     * Routing, notification and the case service paused (or stopped, {@link #burstCold}), the burst queued through
     * intake; the bare relay copies the burst's records; then routing is resumed and drains it, then the case
     * service catches up, then notification drains it. Every stage against its baseline, and the services neither
     * restarted nor killed for memory.
     *
     * <p>The case service reads what intake and routing write, and nothing reads what their baselines write: held
     * while they are measured, it no longer takes a share of the two cores that the baselines had to themselves.
     * Until 2026-12-06 it ran throughout, and used about a fifth of the CPU while intake queued the burst and
     * almost half while routing drained it. It catches up before notification is resumed, so that notification
     * drains beside it as before, the case service then following only the emails' outcomes.
     */
    private void burst(HotlineSystem system, Intake intake, Invariants invariants, int[] emailsPerKind,
            Memory memory) throws Exception {
        emptyMailbox(system);
        phase(memory, "burst");
        cpuPhase("burst: intake queues it");
        List<Instance> routing = Part.ROUTING.all();
        List<Instance> notification = Part.NOTIFICATION.all();
        List<Instance> cases = Part.CASE.all();
        int routingConsumers = consumers(system, ROUTING_GROUP);
        hold(system, routing);
        hold(system, notification);
        hold(system, cases);
        Map<Integer, Long> receivedBefore = endOffsets(system, Topics.RECEIVED);
        Map<Integer, Long> routedBefore = endOffsets(system, Topics.ROUTED);

        // intake
        long queueStarted = System.nanoTime();
        List<Intake.Submission> submissions = intake.submitAll(Complaints.of("burst", burst), burstClients);
        double queueSeconds = (System.nanoTime() - queueStarted) / 1e9;
        assertThat(submissions).allMatch(Intake.Submission::accepted);
        List<Long> requestMillis = submissions.stream().map(s -> s.latencyNanos() / 1_000_000).sorted().toList();
        double intakeRate = burst / queueSeconds;
        figures.put("intake", map("perSecond", intakeRate, "baselinePerSecond", transactionalProducerRate));

        // routing's baseline on the same records, while nothing else runs
        Map<Integer, Long> receivedAfter = endOffsets(system, Topics.RECEIVED);
        try (Admin admin = system.admin()) {
            admin.createTopics(List.of(new NewTopic(SCRATCH_TOPIC, receivedAfter.size(), (short) 1))).all()
                    .get(30, TimeUnit.SECONDS);
        }
        cpuPhase("burst: the relay (baseline)");
        TransactionalRelay.Result relay = new TransactionalRelay(system.bootstrapServers(), ROUTING_MAX_POLL_RECORDS)
                .copy(Topics.RECEIVED, SCRATCH_TOPIC, receivedBefore, receivedAfter, routingConsumers);
        assertThat(relay.records()).as("records the relay copied").isEqualTo(burst);

        // routing
        RoutedCount routed = new RoutedCount(system.bootstrapServers(), routedBefore);
        long routingStarted = System.nanoTime();
        cpuPhase("burst: routing starts");
        resume(system, routing);
        long routingReady = System.nanoTime();
        cpuPhase("burst: routing drains it");
        long routedAtReady = routed.count();
        await().atMost(Duration.ofHours(3)).pollInterval(Duration.ofSeconds(1)).until(() -> routed.count() >= burst);
        long routingDone = System.nanoTime();
        routed.close();
        double routingRate = (burst - routedAtReady) / ((routingDone - routingReady) / 1e9);
        figures.put("routing", map("perSecond", routingRate, "baselinePerSecond", relay.perSecond()));

        // the case service, on the complaints and the decisions it missed
        Map<TopicPartition, Long> caseInputs = new HashMap<>();
        for (String topic : List.of(Topics.RECEIVED, Topics.ROUTED)) {
            endOffsets(system, topic).forEach((partition, end) -> caseInputs.put(new TopicPartition(topic, partition),
                    end));
        }
        long casesStarted = System.nanoTime();
        cpuPhase("burst: the case service catches up");
        resume(system, cases);
        try (Admin admin = system.admin()) {
            await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> committedUpTo(admin, CASE_GROUP, caseInputs));
        }
        double caseSeconds = (System.nanoTime() - casesStarted) / 1e9;
        figures.put("case", map("complaintsPerSecond", burst / caseSeconds, "seconds", caseSeconds));

        // notification
        int emails = expectedEmails(burst, emailsPerKind);
        long notificationStarted = System.nanoTime();
        cpuPhase("burst: notification starts");
        resume(system, notification);
        long notificationReady = System.nanoTime();
        cpuPhase("burst: notification drains it");
        int sentAtReady = mailCount(system);
        await().atMost(Duration.ofHours(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> mailCount(system) >= emails);
        long notificationDone = System.nanoTime();
        cpuPhase("burst: invariants checked");
        double notificationRate = (emails - sentAtReady) / ((notificationDone - notificationReady) / 1e9);
        Map<Instance, String> startedAt = new LinkedHashMap<>();
        system.services().forEach(instance -> startedAt.put(instance, system.startedAt(instance)));
        Invariants.Report kept = invariants.assertKept(submissions, Set.of(), Duration.ofMinutes(30));
        assertThat(kept.expectedEmails()).as("emails the burst calls for").isEqualTo(emails);
        for (Instance instance : system.services()) {
            assertThat(system.running(instance)).as("%s still running after the burst", instance).isTrue();
            assertThat(system.oomKilled(instance)).as("%s OOM-killed", instance).isFalse();
            assertThat(system.startedAt(instance)).as("%s not restarted during the burst", instance)
                    .isEqualTo(startedAt.get(instance));
        }
        int sampleBytes = averageMessageSize(system, MESSAGE_SAMPLE);
        Map<String, Object> burstRss = new LinkedHashMap<>();
        Part.SERVICES.forEach(part -> burstRss.put(part.containerName(), memory.maxMiB("burst", part)));
        figures.put("burst", map("complaints", burst, "maxRssMiB", burstRss));

        // notification's baseline: as many messages of the same size over as many connections
        emptyMailbox(system);
        phase(memory, "plain Jakarta Mail");
        Duration plain = new PlainSmtpSender("localhost", system.smtpPort()).send(emails, sampleBytes,
                NOTIFICATION_CONNECTIONS);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> mailCount(system) >= emails);
        double plainRate = emails / (plain.toNanos() / 1e9);
        figures.put("notification", map("emailsPerSecond", notificationRate, "baselineEmailsPerSecond", plainRate));

        // Where the stages' times are counted from: their containers' start, or their resumption from the pause.
        String since = burstCold ? "start of the containers" : "resumption";
        report.add("## Burst: each stage against its baseline");
        report.add("");
        report.add(burst + " complaints (" + emails + " emails) queued through intake (" + burstClients
                + " clients over "
                + system.intakes().size() + " instances) while routing, notification and the case service were "
                + (burstCold
                        ? "stopped; then the relay copied the same records; then routing was started and drained"
                        + " them; then the case service caught up; then notification. They drain with cold JVMs,"
                        + " compiling as they go."
                        : "paused (docker pause: their JVMs keep the code they compiled under the sustained load, as"
                        + " services whose broker or SMTP server was away would); then the relay copied the same"
                        + " records; then routing was resumed and drained them; then the case service caught up;"
                        + " then notification. A paused instance may have left its consumer group meanwhile and"
                        + " joins it again as it resumes.")
                + " The case service reads intake's and routing's output, and nothing reads the baselines':"
                + " held, it takes no share of the cores while they are measured (until 2026-12-06 it ran"
                + " throughout)."
                + " Rates are counted from the moment every instance of the stage was " + (burstCold ? "ready"
                        : "resumed") + " (the records it handled before that are left out); the time from the "
                + since + " is shown too.");
        report.add("");
        report.add("| stage | rate | baseline, same run | of the baseline | detail |");
        report.add("|---|---:|---:|---:|---|");
        report.add("| intake: queue the burst | " + fmt(intakeRate) + " complaints/s | "
                + fmt(transactionalProducerRate) + " records/s: kafka-producer-perf-test, transactions of 100 ms,"
                + " same record size | "
                + pct(intakeRate, transactionalProducerRate) + " | " + fmt(queueSeconds) + " s; request to 202: p50 "
                + percentile(requestMillis, 0.5) + " ms, p99 " + percentile(requestMillis, 0.99) + " ms, max "
                + percentile(requestMillis, 1.0) + " ms |");
        report.add("| routing: drain it | " + fmt(routingRate) + " complaints/s | " + fmt(relay.perSecond())
                + " records/s: bare relay, " + routingConsumers + " side by side (routing's consumers: "
                + routing.size() + " instances times their threads), one transaction per poll of up to "
                + ROUTING_MAX_POLL_RECORDS + " records (" + fmt(relay.took().toMillis() / 1000.0) + " s) | "
                + pct(routingRate, relay.perSecond()) + " | " + fmt((routingDone - routingStarted) / 1e9)
                + " s from the " + since + ", " + routedAtReady + " routed before all were ready |");
        report.add("| case service: catch up | " + fmt(burst / caseSeconds) + " complaints/s | none | | "
                + fmt(caseSeconds) + " s from the " + since + " until its consumer group had committed every"
                + " received and routed record of the burst |");
        report.add("| notification: send its emails | " + fmt(notificationRate) + " emails/s | " + fmt(plainRate)
                + " emails/s: plain Jakarta Mail, " + NOTIFICATION_CONNECTIONS + " connections, one thread each, "
                + emails + " messages of " + sampleBytes + " B | " + pct(notificationRate, plainRate) + " | "
                + fmt((notificationDone - notificationStarted) / 1e9) + " s from the " + since + ", " + sentAtReady
                + " sent before all were ready |");
        report.add("");
        report.add("No service instance was restarted or OOM-killed during the burst (container start times and"
                + " OOM flags checked), and the invariants held for all " + kept.complaints() + " complaints ("
                + kept.delivered() + " emails delivered, " + kept.flaggedInDoubt() + " flagged in doubt).");
        report.add("");
    }

    /**
     * How many consumers the group has now (routing's instances times their consumer threads): the relay runs as
     * many side by side, so that the baseline overlaps its commits as routing does.
     */
    private static int consumers(HotlineSystem system, String group) throws Exception {
        try (Admin admin = system.admin()) {
            int members = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(30, TimeUnit.SECONDS).members().size();
            assertThat(members).as("consumers in group %s", group).isPositive();
            return members;
        }
    }

    /**
     * Whether the consumer group has read every record of the given partitions up to their end offsets. Both topics
     * are written in transactions, so each partition's last entry is a commit marker: a group has read everything
     * once it has committed the marker's offset, whether it commits that (the offset after its last record) or its
     * position past the marker.
     */
    private static boolean committedUpTo(Admin admin, String group, Map<TopicPartition, Long> ends)
            throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        return ends.entrySet().stream().allMatch(end -> {
            OffsetAndMetadata offset = committed.get(end.getKey());
            return offset == null ? end.getValue() == 0 : offset.offset() >= end.getValue() - 1;
        });
    }

    /** Stops ({@link #burstCold}) or pauses a stage's instances while the burst is queued. */
    private void hold(HotlineSystem system, List<Instance> instances) {
        instances.forEach(burstCold ? system::stopGracefully : system::pause);
    }

    /** Starts the stage's instances again and waits until they are healthy, or resumes them. */
    private void resume(HotlineSystem system, List<Instance> instances) {
        if (burstCold) {
            system.restartAll(instances);
        } else {
            instances.forEach(system::unpause);
        }
    }

    /**
     * Empties the mail catcher ({@code DELETE /api/messages}): it keeps the listing of every message it received in
     * memory, and each step's counts and latencies start from an empty mailbox. Done while nothing is being sent.
     * Until 2026-12-06 the benchmark restarted it instead, and each step's first seconds of mail went to a cold JVM:
     * the steps' tails bunched in their first 30 s.
     */
    private void emptyMailbox(HotlineSystem system) {
        HttpResponse<String> emptied = mailCatcher(HttpRequest.newBuilder(system.mailbox().resolve("/api/messages"))
                .DELETE().build());
        assertThat(emptied.statusCode()).as("the mail catcher emptied: %s", emptied.body()).isEqualTo(200);
        assertThat(mailCount(system)).as("messages in the emptied mail catcher").isZero();
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

    /**
     * The average raw size of {@code count} messages in the mailbox (notification's, as sent), spread evenly over all
     * of them, first to last: the burst's kinds of email in the proportions it sent them. The first few dozen alone
     * were whichever kinds notification happened to send first, and the baseline's size moved from run to run with
     * them (8,712 B against 10,031 B in two runs of the same burst).
     */
    private int averageMessageSize(HotlineSystem system, int count) throws Exception {
        int messages = mailCount(system);
        int sampled = Math.min(count, messages);
        long total = 0;
        for (int i = 0; i < sampled; i++) {
            long number = 1 + (sampled == 1 ? 0 : (long) i * (messages - 1) / (sampled - 1));
            HttpResponse<byte[]> message = http.send(HttpRequest.newBuilder(URI.create(system.mailbox()
                    + "/messages/" + String.format("%05d.eml", number))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(message.statusCode()).as("message %d of the mailbox", number).isEqualTo(200);
            total += message.body().length;
        }
        int average = sampled == 0 ? 0 : (int) (total / sampled);
        log.info("average size of {} of the {} messages in the mailbox: {} B", sampled, messages, average);
        return average;
    }

    private int mailCount(HotlineSystem system) {
        return Integer.parseInt(mailCatcher(HttpRequest.newBuilder(system.mailbox().resolve("/api/messages/count"))
                .build()).body().strip());
    }

    /** Sends {@code request} to the mail catcher's HTTP side: the benchmark cannot go on without its answer. */
    private HttpResponse<String> mailCatcher(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
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

    private static Map<Integer, Long> endOffsets(HotlineSystem system, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(system.bootstrapServers())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<Integer, Long> offsets = new HashMap<>();
            consumer.endOffsets(partitions, Duration.ofSeconds(30)).forEach((tp, offset) ->
                    offsets.put(tp.partition(), offset));
            return offsets;
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID());
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Counts the committed decisions routing writes from given offsets on: the offsets alone cannot tell, a
     * transactional topic's commit markers take offsets too.
     */
    private static final class RoutedCount implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private long count;

        RoutedCount(String bootstrapServers, Map<Integer, Long> from) {
            consumer = consumer(bootstrapServers);
            List<TopicPartition> partitions = from.keySet().stream()
                    .map(partition -> new TopicPartition(Topics.ROUTED, partition)).toList();
            consumer.assign(partitions);
            partitions.forEach(tp -> consumer.seek(tp, from.get(tp.partition())));
        }

        long count() {
            count += consumer.poll(Duration.ofMillis(200)).count();
            return count;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /**
     * Where the cores go: the CPU time of every process of the deployment (each container's PID 1, read from the
     * host's /proc) and of this JVM (the load and the baselines' clients), per phase. A process restarted within a
     * phase counts from its start; what the old one used since the phase began is lost, so those cells are low.
     */
    private static final class Cpu {
        private final HotlineSystem system;
        private final List<Instance> instances = new ArrayList<>();
        private final Map<String, Map<String, Double>> seconds = new LinkedHashMap<>();
        private final Map<String, Double> wall = new LinkedHashMap<>();
        /** The CPU seconds of the services' JIT compiler threads in each phase, all instances together. */
        private final Map<String, Double> compilers = new LinkedHashMap<>();
        private final Map<Instance, HotlineSystem.CpuTime> last = new HashMap<>();
        private long lastLoadNanos;
        private long lastWallNanos;
        private String phase = "start";

        Cpu(HotlineSystem system) {
            this.system = system;
            instances.add(Part.KAFKA.single());
            instances.add(Part.MAIL.single());
            instances.addAll(system.services());
            snapshot(false);
        }

        /** Ends the phase under way and starts {@code name}. */
        void phase(String name) {
            snapshot(true);
            phase = name;
        }

        private void snapshot(boolean record) {
            long now = System.nanoTime();
            long load = loadNanos();
            Map<String, Double> used = new LinkedHashMap<>();
            Map<Instance, HotlineSystem.CpuTime> times = times(instances);
            Map<Instance, HotlineSystem.CpuTime> before = new HashMap<>(last);
            last.putAll(times);
            times.forEach((instance, time) -> used.put(instance.name(),
                    time.ticksSince(before.get(instance)) / HotlineSystem.CpuTime.TICKS_PER_SECOND));
            used.put("load (test JVM)", (load - lastLoadNanos) / 1e9);
            if (record) {
                compilers.merge(phase, compilerSeconds(before, times), Double::sum);
                seconds.merge(phase, used, (a, b) -> {
                    Map<String, Double> sum = new LinkedHashMap<>(a);
                    b.forEach((k, v) -> sum.merge(k, v, Double::sum));
                    return sum;
                });
                wall.merge(phase, (now - lastWallNanos) / 1e9, Double::sum);
            }
            lastLoadNanos = load;
            lastWallNanos = now;
        }

        /** The CPU times of the service instances that run now. */
        Map<Instance, HotlineSystem.CpuTime> services() {
            return times(system.services());
        }

        private Map<Instance, HotlineSystem.CpuTime> times(List<Instance> of) {
            Map<Instance, HotlineSystem.CpuTime> times = new LinkedHashMap<>();
            for (Instance instance : of) {
                try {
                    if (system.running(instance)) {
                        system.cpuTime(instance).ifPresent(time -> times.put(instance, time));
                    }
                } catch (RuntimeException e) {
                    // stopped meanwhile: not counted
                }
            }
            return times;
        }

        /**
         * What the services' JIT compiler threads used from {@code before} to {@code after}, all instances together,
         * in CPU seconds; an instance restarted in between counts from its start.
         */
        static double compilerSeconds(Map<Instance, HotlineSystem.CpuTime> before,
                Map<Instance, HotlineSystem.CpuTime> after) {
            long ticks = 0;
            for (Map.Entry<Instance, HotlineSystem.CpuTime> entry : after.entrySet()) {
                if (entry.getKey().part() == Part.KAFKA || entry.getKey().part() == Part.MAIL) {
                    continue;
                }
                ticks += entry.getValue().compilerTicksSince(before.get(entry.getKey()));
            }
            return ticks / HotlineSystem.CpuTime.TICKS_PER_SECOND;
        }

        private static long loadNanos() {
            java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            return os instanceof com.sun.management.OperatingSystemMXBean unix ? unix.getProcessCpuTime() : 0;
        }

        void report(List<String> report) {
            snapshot(true);
            List<String> columns = new ArrayList<>(instances.stream().map(Instance::name).toList());
            columns.add("load (test JVM)");
            int cores = Runtime.getRuntime().availableProcessors();
            report.add("## CPU");
            report.add("");
            report.add("CPU seconds used by each process in each phase (user and system time of each container's"
                    + " PID 1, from the host's /proc; the test JVM's own for the load), and the whole as a share of"
                    + " the " + cores + " cores over the phase's wall time. A process restarted within a phase counts"
                    + " from its start. The last column is the part of the services' time their JVMs' JIT compiler"
                    + " threads took (C1 and C2, from /proc/<pid>/task), all instances together.");
            report.add("");
            report.add("| phase | wall s | " + String.join(" | ", columns) + " | all | of " + cores + " cores"
                    + " | services' JIT compilers |");
            report.add("|---|---:|" + "---:|".repeat(columns.size() + 3));
            seconds.forEach((name, used) -> {
                double all = used.values().stream().mapToDouble(Double::doubleValue).sum();
                double seconds = wall.getOrDefault(name, 0.0);
                report.add("| " + name + " | " + fmt(seconds) + " | " + String.join(" | ", columns.stream()
                        .map(column -> used.get(column) == null ? "" : fmt(used.get(column))).toList()) + " | "
                        + fmt(all) + " | " + (seconds > 0 ? pct(all, seconds * cores) : "") + " | "
                        + fmt(compilers.getOrDefault(name, 0.0)) + " |");
            });
            report.add("");
        }
    }

    /** A phase of the run, for the memory samples and the CPU accounts. */
    private void phase(Memory memory, String name) {
        memory.phase(name);
        cpuPhase(name);
    }

    /** A phase for the CPU accounts only: a step within one of the memory samples' phases. */
    private void cpuPhase(String name) {
        if (cpu != null) {
            cpu.phase(name);
        }
    }

    /**
     * The resident set of every service instance's JVM (PID 1 of its container), sampled every few seconds on its
     * own thread for the whole run; the largest sample per phase and instance. A stopped instance is skipped.
     */
    private static final class Memory implements AutoCloseable {
        private final HotlineSystem system;
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        private final Map<String, Map<Instance, Long>> peaks = Collections.synchronizedMap(new LinkedHashMap<>());
        private volatile String phase = "start";

        Memory(HotlineSystem system, long everySeconds) {
            this.system = system;
            sampler.scheduleWithFixedDelay(this::sample, 0, everySeconds, TimeUnit.SECONDS);
        }

        void phase(String name) {
            phase = name;
        }

        private void sample() {
            String current = phase;
            for (Instance instance : system.services()) {
                try {
                    if (system.running(instance)) {
                        long bytes = system.residentBytes(instance);
                        peaks.computeIfAbsent(current, p -> new ConcurrentHashMap<>()).merge(instance, bytes,
                                Math::max);
                    }
                } catch (RuntimeException e) {
                    log.debug("no memory sample of {}: {}", instance, e.toString());
                }
            }
        }

        @Nullable Long maxMiB(String phaseName, Part part) {
            Map<Instance, Long> inPhase = peaks.getOrDefault(phaseName, Map.of());
            return part.all().stream().map(inPhase::get).filter(bytes -> bytes != null).max(Long::compare)
                    .map(bytes -> bytes / (1024 * 1024)).orElse(null);
        }

        void report(List<String> report) {
            List<Instance> instances = system.services();
            report.add("## Memory");
            report.add("");
            report.add("Resident set of each service instance's JVM (PID 1 of its container), the largest of samples"
                    + " taken every few seconds during each phase, in MiB (container limit 768 MiB).");
            report.add("");
            report.add("| phase | " + String.join(" | ", instances.stream().map(Instance::name).toList()) + " |");
            report.add("|---|" + "---:|".repeat(instances.size()));
            Map<Instance, Long> overall = new HashMap<>();
            synchronized (peaks) {
                peaks.forEach((name, byInstance) -> {
                    report.add("| " + name + " | " + String.join(" | ", instances.stream().map(instance ->
                            byInstance.get(instance) == null ? "" : String.valueOf(byInstance.get(instance)
                                    / (1024 * 1024))).toList()) + " |");
                    byInstance.forEach((instance, bytes) -> overall.merge(instance, bytes, Math::max));
                });
            }
            report.add("| **whole run** | " + String.join(" | ", instances.stream().map(instance ->
                    overall.get(instance) == null ? "" : "**" + overall.get(instance) / (1024 * 1024) + "**")
                    .toList()) + " |");
            report.add("");
        }

        @Override
        public void close() {
            sampler.shutdownNow();
        }
    }

    /** results.md as read by people, results.json (nested objects, see docs/system-tests.md) by tools. */
    private void write(Path folder) throws IOException {
        Files.createDirectories(folder.toAbsolutePath());
        Files.writeString(folder.resolve("results.md"), String.join("\n", report) + "\n");
        Map<String, Object> json = new LinkedHashMap<>();
        for (String key : List.of("intake", "routing", "case", "notification", "burst", "sustained", "serviceInstances",
                "runAt")) {
            json.put(key, figures.get(key));
        }
        Files.writeString(folder.resolve("results.json"), JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValueAsString(json) + "\n");
        log.info("figures written to {}", folder.toAbsolutePath());
    }

    private static Map<String, @Nullable Object> map(String key1, @Nullable Object value1, String key2,
            @Nullable Object value2) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put(key1, value1 instanceof Double number ? round(number) : value1);
        map.put(key2, value2 instanceof Double number ? round(number) : value2);
        return map;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
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

    static long percentile(List<Long> sorted, double p) {
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
}
