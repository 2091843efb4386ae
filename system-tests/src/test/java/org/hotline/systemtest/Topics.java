package org.hotline.systemtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    private final String bootstrapServers;

    Topics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The names of every topic on the broker, the services' internal ones included; not Kafka's own. */
    Set<String> names() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
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
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
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
