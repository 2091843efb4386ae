package org.hotline.systemtest;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads whole topics from the start, as an integrator does: read_committed, so aborted writes stay unseen. */
final class Topics {

    static final String RECEIVED = "complaints.received.v1";
    static final String ROUTED = "complaints.routed.v1";
    static final String OUTCOMES = "notifications.outcomes.v1";
    static final String RECEIVED_DLT = "complaints.received.v1.dlt";
    static final String ROUTED_DLT = "complaints.routed.v1.dlt";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One record: where it is, its key, its value (parsed when it is JSON), its headers and its timestamp (the
     * producer's clock when it sent the record, in milliseconds).
     */
    record Record(String topic, int partition, long offset, @Nullable String key, byte[] value,
            @Nullable JsonNode json, Map<String, String> headers, long timestamp) {

        String text(String field) {
            return json == null || json.get(field) == null ? "" : json.get(field).asString();
        }
    }

    private final Map<String, Object> clientSettings;

    Topics(String bootstrapServers) {
        this(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** @param clientSettings the brokers and, on a secured cluster, the login and trust settings of the reader */
    Topics(Map<String, Object> clientSettings) {
        this.clientSettings = Map.copyOf(clientSettings);
    }

    /** The names of every topic on the broker, the services' internal ones included; not Kafka's own. */
    Set<String> names() {
        try (Admin admin = Admin.create(clientSettings)) {
            return new TreeSet<>(admin.listTopics().names().get(30, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not list the topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every committed record of the topic, up to its last stable offset at the time of the call. */
    List<Record> readAll(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer("read_committed")) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<Record> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end in 2 minutes");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records.add(new Record(topic, record.partition(), record.offset(), record.key(),
                            record.value(), parse(record.value()), headers(record), record.timestamp()));
                }
            }
            return records;
        }
    }

    /**
     * Whether a record seen before its transaction ended ({@link Uncommitted}) was aborted: a read_committed read of
     * its partition from its offset, once that transaction has ended, skips it. Waits up to two minutes for the end
     * (a dead producer's transaction is aborted when its successor starts or after its transaction timeout).
     */
    boolean aborted(Record record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (KafkaConsumer<String, byte[]> consumer = consumer("read_committed")) {
            consumer.assign(List.of(partition));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).pollInSameThread()
                    .alias("the end of the transaction of " + partition + "@" + record.offset())
                    .until(() -> consumer.endOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition)
                            > record.offset());
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            consumer.seek(partition, record.offset());
            while (consumer.position(partition, Duration.ofSeconds(30)) <= record.offset()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + partition + " past " + record.offset());
                }
                for (ConsumerRecord<String, byte[]> read : consumer.poll(Duration.ofMillis(500))) {
                    if (read.offset() == record.offset()) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** Records of a topic from now on, as soon as they are written, before their transaction commits. */
    Uncommitted watchUncommitted(String topic) {
        KafkaConsumer<String, byte[]> consumer = consumer("read_uncommitted");
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(partition -> consumer.position(partition, Duration.ofSeconds(30)));
            return new Uncommitted(consumer);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** A read_uncommitted view of a topic's new records: what a transaction wrote while it is still open. */
    static final class Uncommitted implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;

        private Uncommitted(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
        }

        /** The first new record that matches, read the moment it reaches the broker's log; none within the time. */
        Optional<Record> next(Predicate<Record> wanted, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> read : consumer.poll(Duration.ofMillis(20))) {
                    Record record = new Record(read.topic(), read.partition(), read.offset(), read.key(),
                            read.value(), parse(read.value()), headers(read), read.timestamp());
                    if (wanted.test(record)) {
                        return Optional.of(record);
                    }
                }
            }
            return Optional.empty();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    private KafkaConsumer<String, byte[]> consumer(String isolationLevel) {
        Properties properties = new Properties();
        properties.putAll(clientSettings);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        // A fetch answers as soon as one byte is there: the watch sees a record within milliseconds of its write.
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static @Nullable JsonNode parse(byte @Nullable [] value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(value);
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        return java.util.stream.StreamSupport.stream(record.headers().spliterator(), false)
                .filter(header -> header.value() != null)
                .collect(Collectors.toMap(Header::key,
                        header -> new String(header.value(), java.nio.charset.StandardCharsets.UTF_8),
                        (first, last) -> last));
    }
}
