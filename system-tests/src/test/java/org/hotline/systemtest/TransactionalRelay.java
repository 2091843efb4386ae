package org.hotline.systemtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The benchmark's baseline for routing: the least a consume-transform-produce service with exactly-once writes
 * does. A read_committed consumer, a transactional producer, and per poll one transaction holding the copies and
 * the consumed offsets ({@code sendOffsetsToTransaction}); the "transform" is a copy of key and value to the
 * same partition of another topic. No JSON, no rules, no framework: what is left of routing's time is Kafka's.
 */
final class TransactionalRelay {

    /** What a relay run did: records copied and how long it took, from the first poll to the last commit. */
    record Result(long records, Duration took) {

        double perSecond() {
            return records / (took.toNanos() / 1e9);
        }
    }

    private final String bootstrapServers;
    private final int maxPollRecords;

    /** @param maxPollRecords records per poll, hence per transaction: routing's {@code max.poll.records} */
    TransactionalRelay(String bootstrapServers, int maxPollRecords) {
        this.bootstrapServers = bootstrapServers;
        this.maxPollRecords = maxPollRecords;
    }

    /**
     * Copies {@code from}'s records between {@code start} and {@code end} (offsets per partition) to {@code to},
     * with {@code relays} relays side by side (as many as routing runs consumers), each with its share of the
     * partitions, and returns once every partition is copied up to {@code end}.
     */
    Result copy(String from, String to, Map<Integer, Long> start, Map<Integer, Long> end, int relays) {
        List<List<Integer>> shares = new ArrayList<>();
        for (int r = 0; r < relays; r++) {
            shares.add(new ArrayList<>());
        }
        start.keySet().stream().sorted().forEach(partition -> shares.get(partition % relays).add(partition));
        AtomicLong copied = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(relays);
        long started = System.nanoTime();
        try {
            CompletableFuture.allOf(shares.stream().map(share -> CompletableFuture.runAsync(() ->
                    relay(from, to, share, start, end, copied), threads)).toArray(CompletableFuture[]::new)).join();
        } finally {
            threads.shutdown();
        }
        return new Result(copied.get(), Duration.ofNanos(System.nanoTime() - started));
    }

    private void relay(String from, String to, List<Integer> partitions, Map<Integer, Long> start,
            Map<Integer, Long> end, AtomicLong copied) {
        String id = "relay-" + UUID.randomUUID();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(id);
                KafkaProducer<byte[], byte[]> producer = producer(id)) {
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(from, p)).toList();
            consumer.assign(assigned);
            assigned.forEach(tp -> consumer.seek(tp, start.get(tp.partition())));
            producer.initTransactions();
            long deadline = System.nanoTime() + Duration.ofHours(1).toNanos();
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp.partition()))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the relay did not copy " + assigned + " within an hour");
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    continue;
                }
                producer.beginTransaction();
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    producer.send(new ProducerRecord<>(to, record.partition(), record.key(), record.value()));
                    offsets.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                producer.commitTransaction();
                copied.addAndGet(records.count());
            }
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer(String group) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Routing's producer settings: acks=all, idempotent, linger 1 ms, batches of 256 KiB, transactional. */
    private KafkaProducer<byte[], byte[]> producer(String transactionalId) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
