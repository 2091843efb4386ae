package org.hotline.deploy.deadletters;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a whole dead-letter topic, as it stands when the read starts. */
final class DeadLetterTopic {

    private DeadLetterTopic() {
    }

    /**
     * Every committed record of the topic, in partition then offset order. The consumer joins no group and
     * commits nothing, so reading never moves anyone's offsets, and it reads {@code read_committed}: routing
     * writes its dead letters inside its transactions, and a dead letter of an aborted transaction was never
     * set aside (the input was processed again). Records written after the read starts are left for the next run.
     */
    static List<DeadLetter> readAll(Properties connection, String topic, Duration patience) {
        try (KafkaConsumer<byte[], byte[]> consumer = reader(connection, "dead-letters")) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, patience);
            if (partitions == null || partitions.isEmpty()) {
                throw new DeadLetters.Refused("topic " + topic + " does not exist (or this account may not describe it)");
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            // With read_committed these are the last stable offsets: nothing past them can be read yet.
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, patience);
            List<DeadLetter> letters = new ArrayList<>();
            Instant giveUp = Instant.now().plus(patience);
            while (!atEnd(consumer, ends, patience)) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new DeadLetters.Refused("could not read " + topic + " to its end within "
                            + patience.toSeconds() + " s; " + letters.size() + " records read");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < ends.get(partition)) {
                        letters.add(DeadLetter.of(record));
                    }
                }
            }
            letters.sort(Comparator.comparingInt(DeadLetter::partition).thenComparingLong(DeadLetter::offset));
            return letters;
        }
    }

    /**
     * A consumer that reads what is committed, joins no group and commits nothing, so reading never moves anyone's
     * offsets, and never creates a topic: a typo in a topic name must not create an empty topic of that name.
     */
    static KafkaConsumer<byte[], byte[]> reader(Properties connection, String clientId) {
        Properties settings = new Properties();
        settings.putAll(connection);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        settings.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static boolean atEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends,
            Duration patience) {
        return ends.entrySet().stream()
                .allMatch(end -> consumer.position(end.getKey(), patience) >= end.getValue());
    }
}
