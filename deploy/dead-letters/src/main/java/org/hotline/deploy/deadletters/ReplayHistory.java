package org.hotline.deploy.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.utils.Utils;

/**
 * Which dead letters were replayed already, found where a replay puts them: on each letter's original topic, in the
 * partition its key goes to (the producer's default partitioner, as {@link Replay} sends it), from the time the dead
 * letter was written on, since no replay of it can be older. Those records carrying {@code x-replayed-from} name the
 * dead letters they came from. A letter without a key may have gone to any partition: all are read.
 */
final class ReplayHistory {

    private ReplayHistory() {
    }

    /** The positions of the letters replayed before, each with where its replay sits (topic/partition/offset). */
    static Map<String, String> of(Properties connection, List<DeadLetter> letters, Duration patience) {
        Set<String> wanted = letters.stream().map(DeadLetter::position).collect(Collectors.toSet());
        Map<String, String> found = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = DeadLetterTopic.reader(connection, "dead-letters-history")) {
            Map<TopicPartition, Long> since = new HashMap<>();
            for (DeadLetter letter : letters) {
                String original = letter.header(DeadLetter.ORIGINAL_TOPIC);
                List<PartitionInfo> partitions = original == null ? null : consumer.partitionsFor(original, patience);
                if (partitions == null || partitions.isEmpty()) {
                    continue;
                }
                List<Integer> candidates = letter.key() == null
                        ? partitions.stream().map(PartitionInfo::partition).toList()
                        : List.of(Utils.toPositive(Utils.murmur2(letter.key())) % partitions.size());
                for (int partition : candidates) {
                    since.merge(new TopicPartition(original, partition), letter.timestamp(), Math::min);
                }
            }
            if (since.isEmpty()) {
                return found;
            }
            List<TopicPartition> assigned = new ArrayList<>(since.keySet());
            consumer.assign(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, patience);
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(since, patience);
            for (TopicPartition partition : assigned) {
                OffsetAndTimestamp start = starts.get(partition);
                consumer.seek(partition, start == null ? ends.get(partition) : start.offset());
            }
            Instant giveUp = Instant.now().plus(patience);
            while (assigned.stream().anyMatch(p -> consumer.position(p, patience) < ends.get(p))) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new DeadLetters.Refused("could not check within " + patience.toMinutes() + " minutes "
                            + "whether these dead letters were replayed before; nothing was replayed");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header from = record.headers().lastHeader(DeadLetter.REPLAYED_FROM);
                    if (from == null || from.value() == null) {
                        continue;
                    }
                    String position = new String(from.value(), StandardCharsets.UTF_8);
                    if (wanted.contains(position)) {
                        found.putIfAbsent(position, record.topic() + "/" + record.partition() + "/" + record.offset());
                    }
                }
            }
        }
        return found;
    }
}
