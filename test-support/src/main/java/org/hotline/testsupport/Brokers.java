package org.hotline.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real Kafka broker (KRaft, broker and controller in one) in the test's JVM. */
public final class Brokers {

    private Brokers() {
    }

    /**
     * Starts one broker, creating {@code topics} with {@code partitions} each. A single node holds one replica of
     * everything, the transaction state and the consumer offsets included (their defaults of three would leave
     * every transaction waiting); topics are never created by a client's mere mention, as in production. The caller
     * destroys it.
     */
    public static EmbeddedKafkaKraftBroker start(int partitions, String... topics) {
        return start(partitions, Map.of(), topics);
    }

    /** As {@link #start(int, String...)}, with more broker settings, such as the log cleaner's. */
    public static EmbeddedKafkaKraftBroker start(int partitions, Map<String, String> settings, String... topics) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, topics);
        Map<String, String> properties = new HashMap<>(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "auto.create.topics.enable", "false"));
        properties.putAll(settings);
        broker.brokerProperties(properties);
        broker.afterPropertiesSet();
        return broker;
    }

    /**
     * Every committed record of a topic, read from the start with {@code read_committed} up to the end offsets
     * seen now. Records of open transactions hold the end back until they are resolved; after 30 s of that the
     * read fails.
     */
    public static List<ConsumerRecord<String, byte[]>> readCommitted(EmbeddedKafkaKraftBroker broker, String topic) {
        return read(broker, topic, "read_committed");
    }

    /** Every record of a topic, those of open and aborted transactions included, up to the end offsets seen now. */
    public static List<ConsumerRecord<String, byte[]>> readUncommitted(EmbeddedKafkaKraftBroker broker,
            String topic) {
        return read(broker, topic, "read_uncommitted");
    }

    private static List<ConsumerRecord<String, byte[]>> read(EmbeddedKafkaKraftBroker broker, String topic,
            String isolation) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end in 30 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
