package org.hotline.notification.dispatch.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.hotline.notification.dispatch.application.Dispatcher;
import org.hotline.notification.dispatch.application.Ledger;
import org.hotline.notification.dispatch.domain.PlannedMessage;
import org.hotline.notification.dispatch.ledger.KafkaLedger;
import org.hotline.notification.sealing.domain.ComplaintErasedException;
import org.hotline.notification.sealing.domain.ComplaintKeys;
import org.hotline.web.tracing.ComplaintTracing;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads a topic whose records call for messages (group of its own, read_committed) and hands each record, with the
 * messages its {@link Planner} plans, to the dispatcher, on a thread of its own. Two run: one reads
 * {@code complaints.routed.v1} (group {@code notification-service}), the other the case service's
 * {@code cases.events.v1} for reminders and escalations (group {@code notification-service-cases}), each with its
 * own dispatcher and ledger.
 *
 * <p>Why a plain Kafka consumer and not a Spring Cloud Stream binding: the backlog must stay in Kafka, so this loop
 * pauses its partitions while the dispatcher holds {@code maxBacklog} messages and resumes them when it is down to
 * half; it commits, per partition, only up to the oldest record with a message not yet settled (records are
 * settled out of order, by a pool of senders); and a partition it takes must first fence its previous owner and
 * read the partition's ledger. Each of these needs the consumer itself, on its own thread, which a binding does
 * not hand out.
 *
 * <p>Failure handling: a record that cannot be read ({@link PoisonEventException}) goes to the dead-letter topic
 * with its reason, synchronously, before its offset can be committed; if that send fails, the partition is sought
 * back to the record and it is tried again at the next poll. Nothing is retried on this thread for longer than a
 * poll, so no failure turns into a rebalance.
 *
 * <p>Each consumer it makes has its Kafka client metrics bound to the registry (Micrometer's
 * {@link KafkaClientMetrics}, as Spring does for the consumers of its factories), so that its lag is exported as
 * {@code kafka_consumer_fetch_manager_records_lag_max} like the other services'; the binding is closed with the
 * consumer, taking its meters away.
 *
 * <p>Each record is read and planned in a span that continues the trace its {@code traceparent} header carries, with
 * the complaint id (the record's key) in the logs meanwhile. The messages are sent later, on the senders' threads,
 * each in a span of that trace ({@code MessageTraces}; docs/operations.md, "Following one complaint").
 */
final class SourceConsumer implements SmartLifecycle {

    /** The messages a record's value calls for. */
    @FunctionalInterface
    interface Planner {

        /** @throws PoisonEventException when the value can never be read */
        Planned plan(byte[] value);
    }

    /**
     * @param receivedAt when the complaint was received, for the end-to-end latency; null when not measured
     * @param messages none for a record that calls for no message
     */
    record Planned(@Nullable Instant receivedAt, List<PlannedMessage> messages) {
    }


    private static final Logger log = LoggerFactory.getLogger(SourceConsumer.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration COMMIT_EVERY = Duration.ofMillis(500);
    private static final Duration RELEASE_PATIENCE = Duration.ofSeconds(20);
    private static final Duration BACK_OFF = Duration.ofSeconds(1);
    /** How many messages may be held in all, retries included, per message allowed to compete for the senders. */
    private static final int HELD_PER_ACTIVE = 10;

    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final String topic;
    private final String threadName;
    private final Planner planner;
    private final Dispatcher dispatcher;
    private final KafkaLedger ledger;
    private final DeadLetters deadLetters;
    private final int maxBacklog;
    private final MeterRegistry meters;
    private final Timer readDelay;
    private final ComplaintTracing tracing;
    private final Map<Integer, Long> committed = new HashMap<>();
    private final Set<Integer> untaken = new HashSet<>();
    /** Partitions paused after a failed dead-letter send, and until when. */
    private final Map<Integer, Long> backingOff = new HashMap<>();
    /** Partitions paused because they hold their share of the backlog. */
    private final Set<Integer> full = new HashSet<>();
    private volatile boolean running;
    private volatile @Nullable Consumer<byte[], byte[]> current;
    private @Nullable Thread thread;
    private boolean paused;
    private long lastCommit;

    SourceConsumer(Supplier<Consumer<byte[], byte[]>> consumers, String topic, String threadName, Planner planner,
            Dispatcher dispatcher, KafkaLedger ledger, DeadLetters deadLetters, int maxBacklog, MeterRegistry meters,
            ComplaintTracing tracing) {
        this.consumers = consumers;
        this.topic = topic;
        this.threadName = threadName;
        this.planner = planner;
        this.dispatcher = dispatcher;
        this.ledger = ledger;
        this.deadLetters = deadLetters;
        this.maxBacklog = maxBacklog;
        this.meters = meters;
        this.tracing = tracing;
        this.readDelay = Timer.builder("hotline.notification.read.delay")
                .description("From a record's timestamp to this service reading and planning it: on "
                        + "complaints.routed.v1 routing's send, so the wait for its commit, for the fetch and behind "
                        + "any backlog; on cases.events.v1 the case service's own time for the event")
                .tag("topic", topic).publishPercentiles(0.5, 0.95, 0.99).register(meters);
    }

    @Override
    public void start() {
        running = true;
        Thread reading = new Thread(this::readForever, threadName);
        reading.setDaemon(true);
        thread = reading;
        reading.start();
    }

    @Override
    public void stop() {
        running = false;
        Consumer<byte[], byte[]> consumer = current;
        if (consumer != null) {
            consumer.wakeup();
        }
        Thread reading = thread;
        if (reading != null) {
            try {
                reading.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the senders and stops before them, so the last records' messages can still be settled. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void readForever() {
        while (running) {
            try (Consumer<byte[], byte[]> consumer = consumers.get();
                    KafkaClientMetrics clientMetrics = new KafkaClientMetrics(consumer)) {
                clientMetrics.bindTo(meters);
                current = consumer;
                // A new consumer pauses nothing: what the last one paused for its share starts over.
                full.clear();
                consumer.subscribe(List.of(topic), new Rebalance(consumer));
                while (running) {
                    takeLostPartitions(consumer);
                    endBackOffs(consumer);
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                    handle(consumer, records);
                    commit(consumer, false);
                    flowControl(consumer);
                }
            } catch (WakeupException e) {
                // stopping
            } catch (KafkaException e) {
                log.warn("The {} consumer failed ({}); starting a new one", topic, e.toString());
            } finally {
                current = null;
            }
        }
    }

    private void handle(Consumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records) {
        Set<Integer> halted = new HashSet<>();
        boolean keysUnavailable = false;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            int partition = record.partition();
            if (halted.contains(partition)) {
                continue;
            }
            if (keysUnavailable) {
                // Each lookup would wait its full timeout again: every partition waits the pause out instead.
                backOff(consumer, record);
                halted.add(partition);
                continue;
            }
            if (!ledger.owns(partition)) {
                // Its ledger is being taken again: read from here once it is.
                consumer.seek(new TopicPartition(topic, partition), record.offset());
                halted.add(partition);
                continue;
            }
            try (ComplaintTracing.Work work = tracing.start("plan notifications", key(record),
                    name -> header(record, name))) {
                Planned planned;
                try {
                    planned = planner.plan(record.value());
                } catch (PoisonEventException poison) {
                    if (deadLetters.send(record, poison)) {
                        dispatcher.skip(partition, record.offset());
                    } else {
                        backOff(consumer, record);
                        halted.add(partition);
                    }
                    continue;
                } catch (ComplaintErasedException erased) {
                    // Erased on request or at the end of its retention: nobody is to be written to about it any
                    // more.
                    log.info("Complaint {} was erased: record {}-{} at offset {} calls for no message",
                            erased.complaintId(), topic, partition, record.offset());
                    dispatcher.skip(partition, record.offset());
                    continue;
                } catch (ComplaintKeys.KeysUnavailableException e) {
                    log.warn("The complaints' keys cannot be read now ({}): record {}-{} at offset {} is tried again",
                            e.getMessage(), topic, partition, record.offset());
                    backOff(consumer, record);
                    halted.add(partition);
                    keysUnavailable = true;
                    continue;
                }
                readDelay.record(Math.max(0, System.currentTimeMillis() - record.timestamp()),
                        TimeUnit.MILLISECONDS);
                dispatcher.accept(partition, record.offset(), planned.receivedAt(), planned.messages());
                log.info("Complaint {}: {} message(s) planned from {}-{} at offset {}", key(record),
                        planned.messages().size(), topic, partition, record.offset());
            }
        }
    }

    /** The record's key as text: the complaint id; empty when it has none. */
    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static @Nullable String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Reads the record's partition again from the record, after a pause: what failed may pass by then. */
    private void backOff(Consumer<byte[], byte[]> consumer, ConsumerRecord<byte[], byte[]> record) {
        TopicPartition tp = new TopicPartition(topic, record.partition());
        consumer.seek(tp, record.offset());
        consumer.pause(List.of(tp));
        backingOff.put(record.partition(), System.nanoTime() + BACK_OFF.toNanos());
    }

    /**
     * Pauses every partition while {@code maxBacklog} messages compete for the senders, or ten times as many are held
     * in all (retries of an unreachable server included); resumes once both are down to half. Within that, each
     * partition has an equal share of {@code maxBacklog} and is paused on its own while that many of its messages
     * compete for the senders (retries not counted), until it is down to half of it: a partition with a deep backlog
     * (a flood in the intake's bulk lane) cannot take the whole bound and leave the other partitions' records waiting
     * in Kafka behind its own.
     */
    private void flowControl(Consumer<byte[], byte[]> consumer) {
        int active = dispatcher.activeBacklog();
        int held = dispatcher.backlog();
        if (!paused && (active >= maxBacklog || held >= HELD_PER_ACTIVE * maxBacklog)) {
            consumer.pause(consumer.assignment());
            paused = true;
            log.debug("{} messages in hand ({} held): reading paused", active, held);
        } else if (paused && active <= maxBacklog / 2 && held <= HELD_PER_ACTIVE * maxBacklog / 2) {
            paused = false;
            resume(consumer);
        }
        shareOut(consumer);
    }

    private void shareOut(Consumer<byte[], byte[]> consumer) {
        Set<TopicPartition> assignment = consumer.assignment();
        full.removeIf(partition -> !assignment.contains(new TopicPartition(topic, partition)));
        if (assignment.isEmpty()) {
            return;
        }
        int share = Math.max(1, maxBacklog / assignment.size());
        Map<Integer, Integer> activeBy = dispatcher.activeBacklogByPartition();
        for (TopicPartition tp : assignment) {
            int active = activeBy.getOrDefault(tp.partition(), 0);
            if (active >= share) {
                // Every time, not only on the way in: a partition taken again in a rebalance comes back unpaused.
                full.add(tp.partition());
                consumer.pause(List.of(tp));
            } else if (full.contains(tp.partition()) && active <= share / 2) {
                full.remove(tp.partition());
                if (resumable(tp.partition())) {
                    consumer.resume(List.of(tp));
                }
            }
        }
    }

    private boolean resumable(int partition) {
        return !paused && !untaken.contains(partition) && !backingOff.containsKey(partition)
                && !full.contains(partition);
    }

    private void resume(Consumer<byte[], byte[]> consumer) {
        consumer.resume(consumer.assignment().stream().filter(tp -> resumable(tp.partition())).toList());
    }

    private void endBackOffs(Consumer<byte[], byte[]> consumer) {
        long now = System.nanoTime();
        backingOff.entrySet().removeIf(waiting -> {
            if (now < waiting.getValue()) {
                return false;
            }
            TopicPartition tp = new TopicPartition(topic, waiting.getKey());
            boolean resumable = !paused && !untaken.contains(waiting.getKey()) && !full.contains(waiting.getKey());
            if (resumable && consumer.assignment().contains(tp)) {
                consumer.resume(List.of(tp));
            }
            return true;
        });
    }

    private void commit(Consumer<byte[], byte[]> consumer, boolean now) {
        long nanos = System.nanoTime();
        if (!now && nanos - lastCommit < COMMIT_EVERY.toNanos()) {
            return;
        }
        lastCommit = nanos;
        commit(consumer, dispatcher.committable());
    }

    private void commit(Consumer<byte[], byte[]> consumer, Map<Integer, Long> positions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        positions.forEach((partition, offset) -> {
            if (!offset.equals(committed.get(partition))) {
                offsets.put(new TopicPartition(topic, partition), new OffsetAndMetadata(offset));
            }
        });
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
            offsets.forEach((tp, offset) -> committed.put(tp.partition(), offset.offset()));
        } catch (KafkaException e) {
            if (e instanceof WakeupException wakeup) {
                throw wakeup;
            }
            // Committed later: until then a restart reads some settled records again, which the ledger absorbs.
            log.warn("Committing offsets failed: {}", e.toString());
        }
    }

    /**
     * Takes again the partitions whose ledger writer broke, if they are still this consumer's: forgets their
     * messages, reads their ledger anew, and reads them again from the committed offset.
     */
    private void takeLostPartitions(Consumer<byte[], byte[]> consumer) {
        Set<Integer> lost = new HashSet<>(ledger.lostPartitions());
        lost.addAll(untaken);
        if (lost.isEmpty()) {
            return;
        }
        Set<Integer> assigned = new HashSet<>();
        consumer.assignment().forEach(tp -> assigned.add(tp.partition()));
        for (int partition : lost) {
            if (!assigned.contains(partition)) {
                ledger.close(partition);
                untaken.remove(partition);
                continue;
            }
            dispatcher.release(List.of(partition), RELEASE_PATIENCE);
            if (take(consumer, partition)) {
                TopicPartition tp = new TopicPartition(topic, partition);
                OffsetAndMetadata position = consumer.committed(Set.of(tp)).get(tp);
                if (position == null) {
                    consumer.seekToBeginning(List.of(tp));
                } else {
                    consumer.seek(tp, position.offset());
                }
            }
        }
    }

    /** Takes the partition's ledger; while it cannot be taken, the partition is paused. */
    private boolean take(Consumer<byte[], byte[]> consumer, int partition) {
        TopicPartition tp = new TopicPartition(topic, partition);
        try {
            ledger.open(partition);
            untaken.remove(partition);
            if (resumable(partition)) {
                consumer.resume(List.of(tp));
            }
            return true;
        } catch (Ledger.LedgerUnavailableException e) {
            log.warn("Partition {} waits for its ledger: {}", partition, e.getMessage());
            untaken.add(partition);
            consumer.pause(List.of(tp));
            return false;
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        private final Consumer<byte[], byte[]> consumer;

        Rebalance(Consumer<byte[], byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            List<Integer> numbers = partitions.stream().map(TopicPartition::partition).toList();
            if (numbers.isEmpty()) {
                return;
            }
            // Let the sends in progress be recorded, commit what is settled, then let the next owner fence us.
            commit(consumer, dispatcher.release(numbers, RELEASE_PATIENCE));
            forget(numbers);
            log.info("Gave up partitions {} of {}", numbers, topic);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            List<Integer> numbers = partitions.stream().map(TopicPartition::partition).toList();
            dispatcher.release(numbers, Duration.ZERO);
            forget(numbers);
            log.warn("Lost partitions {} of {} without giving them up", numbers, topic);
        }

        /** Closes the ledgers of partitions no longer ours and drops what this consumer knew of them. */
        private void forget(List<Integer> partitions) {
            partitions.forEach(partition -> {
                ledger.close(partition);
                committed.remove(partition);
                untaken.remove(partition);
                backingOff.remove(partition);
                full.remove(partition);
            });
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                take(consumer, tp.partition());
            }
            if (paused) {
                consumer.pause(partitions);
            }
            log.info("Took partitions {} of {}", partitions.stream().map(TopicPartition::partition).toList(), topic);
        }
    }
}
