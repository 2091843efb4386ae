package org.hotline.intake.bench;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.intake.IntakeApplication;
import org.hotline.testsupport.Brokers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Drives {@code POST /api/v1/complaints} at a fixed concurrency against a real KRaft broker and, in the same
 * run and on the same broker, Kafka's own producer performance tool with the same record size, so the intake's
 * figures read as a share of what the broker alone does on this machine at this moment.
 *
 * <p>Run with {@code benchmarks/run-intake-benchmark.sh}; settings are system properties:
 * {@code bench.concurrency} (comma-separated client counts, one run each: 16,128), {@code bench.seconds} (30),
 * {@code bench.warmupSeconds} (10), {@code bench.output} (intake-service/benchmarks/results.md). A section of
 * the existing output starting with {@code ## History} is kept, so figures of earlier versions stay beside
 * the new ones.
 */
public final class IntakeBenchmark {

    /** The complaint both intake benchmarks send: a CONFIDENTIAL one with a 650-character description. */
    public static final String BODY = """
            {"channel":"WEB","language":"ru",
             "incident":{"categories":["SEXUAL_HARASSMENT","EXTORTION"],"description":"%s","occurredOn":"2024-03-01","ongoing":true},
             "location":{"country":"KZ","region":"KZ-39","districtCode":"392410000","settlement":"Pertsevka"},
             "workplace":{"sector":"PUBLIC","type":"SCHOOL","organizationName":"Secondary school No. 1"},
             "accused":{"role":"HEAD_OF_ORGANIZATION","publicOfficial":true},
             "complainant":{"mode":"CONFIDENTIAL","name":"Айгуль","phone":"+7 701 555 0199","preferredLanguage":"ru","consentToContact":true}}
            """.formatted("Директор школы требовал деньги и делал непристойные предложения. ".repeat(10));

    /** The intake's topics' partitions, and the producer tool's topic's: the same, so the two compare. */
    private static final int PARTITIONS = 6;
    private static final String PERF_TOPIC = "perf-baseline";

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> concurrencies = Arrays.stream(System.getProperty("bench.concurrency", "16,128").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        int seconds = Integer.getInteger("bench.seconds", 30);
        int warmup = Integer.getInteger("bench.warmupSeconds", 10);
        Path output = Path.of(System.getProperty("bench.output", "intake-service/benchmarks/results.md"));

        // the test brokers create no topic on first use: without its topic, the tool would wait for it forever
        EmbeddedKafkaKraftBroker broker = Brokers.start(PARTITIONS, PERF_TOPIC);
        ConfigurableApplicationContext intake = new SpringApplicationBuilder(IntakeApplication.class).run(
                "--spring.profiles.active=test", "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--server.port=0", "--management.server.port=0", "--hotline.intake.topics.partitions=" + PARTITIONS,
                "--logging.level.root=WARN", "--logging.level.org.apache.kafka=ERROR");
        try {
            URI uri = URI.create("http://localhost:" + intake.getEnvironment().getRequiredProperty("local.server.port")
                    + "/api/v1/complaints");
            drive(uri, concurrencies.get(0), warmup);
            MeterRegistry registry = intake.getBean(MeterRegistry.class);
            List<Result> api = new ArrayList<>();
            for (int concurrency : concurrencies) {
                double[] before = committed(registry);
                Result result = drive(uri, concurrency, seconds);
                double[] after = committed(registry);
                double transactions = after[1] - before[1];
                api.add(result.withPerTransaction(concurrency,
                        transactions == 0 ? 0 : (after[0] - before[0]) / transactions));
            }
            int recordSize = averageRecordSize(broker);
            String perfTool = producerPerformance(broker.getBrokersAsString(), recordSize, 200_000);
            String perfToolTransactional = producerPerformance(broker.getBrokersAsString(), recordSize, 50_000,
                    "--transaction-duration-ms", "10");
            write(output, seconds, recordSize, api, perfTool, perfToolTransactional);
            System.out.println(Files.readString(output));
        } finally {
            intake.close();
            broker.destroy();
        }
        // The embedded broker leaves non-daemon threads behind; the figures are written, so end here.
        System.exit(0);
    }

    record Result(long requests, long failures, double perSecond, double p50Ms, double p99Ms, double maxMs,
            int concurrency, double perTransaction) {

        Result withPerTransaction(int clients, double complaintsPerTransaction) {
            return new Result(requests, failures, perSecond, p50Ms, p99Ms, maxMs, clients, complaintsPerTransaction);
        }
    }

    private static Result drive(URI uri, int concurrency, int seconds) throws Exception {
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong failures = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        List<Future<List<Long>>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            results.add(workers.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
                while (System.nanoTime() < deadline) {
                    long sent = System.nanoTime();
                    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 202) {
                        latencies.add(System.nanoTime() - sent);
                    } else {
                        failures.incrementAndGet();
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        workers.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(sorted.length, failures.get(), sorted.length / elapsed, percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, concurrency, 0);
    }

    /** Complaints and transactions committed so far; none before the first commit. */
    private static double[] committed(MeterRegistry registry) {
        DistributionSummary summary = registry.find("hotline.intake.transaction.complaints")
                .tag("outcome", "committed").summary();
        return summary == null ? new double[] {0, 0} : new double[] {summary.totalAmount(), summary.count()};
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static int averageRecordSize(EmbeddedKafkaKraftBroker broker) {
        var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(Map.of(
                "bootstrap.servers", broker.getBrokersAsString(), "isolation.level", "read_committed",
                "key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer"));
        try (consumer) {
            var partitions = consumer.partitionsFor("complaints.received.v1").stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long total = 0;
            int count = 0;
            while (count < 200) {
                for (var record : consumer.poll(Duration.ofSeconds(1))) {
                    total += record.value().length;
                    count++;
                }
            }
            return (int) (total / count);
        }
    }

    /** Runs Kafka's own tool in a JVM of its own, so it does not share a heap or JIT with the service. */
    private static String producerPerformance(String brokers, int recordSize, int records, String... extra)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", PERF_TOPIC, "--num-records", String.valueOf(records),
                "--record-size", String.valueOf(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + brokers, "acks=all", "enable.idempotence=true",
                "linger.ms=1"));
        command.addAll(Arrays.asList(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = "";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains("records sent")) {
                    last = line;
                }
            }
        }
        process.waitFor();
        return last;
    }

    private static void write(Path output, int seconds, int recordSize, List<Result> api, String perfTool,
            String perfToolTransactional) throws IOException {
        double toolRate = parseRate(perfTool);
        double transactionalRate = parseRate(perfToolTransactional);
        StringBuilder rows = new StringBuilder();
        for (Result result : api) {
            rows.append("| `POST /api/v1/complaints`, %d concurrent clients, %d s, group commit (%.1f complaints per transaction), 202 after commit | %.0f complaints/s (%d accepted, %d failed) | %.1f ms | %.1f ms | %.1f ms | %.1f %% | %.1f %% |%n"
                    .formatted(result.concurrency(), seconds, result.perTransaction(), result.perSecond(),
                            result.requests(), result.failures(), result.p50Ms(), result.p99Ms(), result.maxMs(),
                            share(result.perSecond(), toolRate), share(result.perSecond(), transactionalRate)));
        }
        String history = "";
        if (Files.exists(output)) {
            String previous = Files.readString(output);
            int kept = previous.indexOf("\n## History");
            history = kept < 0 ? "" : previous.substring(kept);
        }
        String report = """
                # Intake benchmark

                Run: %s on %d cores, Java %s. Broker: one KRaft node in the benchmark's JVM (spring-kafka-test), \
                Kafka %s. The intake runs in the same JVM; Kafka's producer tool runs in a JVM of its own against the \
                same broker, right after the intake's runs, with the intake's average record size. Shares are the \
                intake's rate over the tool's.

                | what | throughput | p50 | p99 | max | of pipelined tool | of transactional tool |
                |---|---|---|---|---|---|---|
                %s| `kafka-producer-perf-test`, %d-byte records, acks=all, idempotent, pipelined | %.0f records/s | | | | | |
                | `kafka-producer-perf-test`, same, transactional (`--transaction-duration-ms 10`) | %.0f records/s | | | | | |

                A complaint is one record (two with an `Idempotency-Key`; the benchmark sends none). Every client \
                waits for its complaint's transaction to commit before it hears 202, where the tool streams records \
                without waiting for any.

                Raw tool output:

                ```
                %s
                %s (transactional, --transaction-duration-ms 10)
                ```
                """.formatted(Instant.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), org.apache.kafka.common.utils.AppInfoParser.getVersion(),
                rows, recordSize, toolRate, transactionalRate, perfTool, perfToolTransactional);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, report + history);
    }

    private static double share(double rate, double of) {
        return of == 0 ? 0 : 100 * rate / of;
    }

    private static double parseRate(String line) {
        // "200000 records sent, 51234.5 records/sec (70.12 MB/sec), ..."
        String[] parts = line.split(",");
        return parts.length < 2 ? 0 : Double.parseDouble(parts[1].trim().split(" ")[0]);
    }
}
