package org.hotline.intake.complaint.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.hotline.intake.complaint.application.IdempotencyLedger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The idempotency ledger, kept in memory and fed from the compacted topic that the publisher writes in the
 * same transaction as each event. A background reader replays the topic at start (the ledger is ready once it
 * reaches the end offsets it saw then) and keeps tailing it, so instances also learn each other's keys.
 * Entries older than the retention are forgotten, as the topic forgets them.
 */
class KafkaIdempotencyLedger implements IdempotencyLedger, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaIdempotencyLedger.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RECONNECT_BACKOFF = Duration.ofSeconds(2);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final JsonMapper json;
    private final String topic;
    private final Duration retention;
    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
    private volatile boolean ready;
    private volatile boolean running;
    private final Clock clock;
    private volatile @Nullable Consumer<String, byte[]> current;
    /** Counted down by {@link #stop}, so a reader waiting to reconnect ends at once rather than after the pause. */
    private volatile CountDownLatch stopping = new CountDownLatch(1);
    private @Nullable Thread reader;
    private Instant lastPruned;

    KafkaIdempotencyLedger(Supplier<Consumer<String, byte[]>> consumers, JsonMapper json, String topic,
            Duration retention, Clock clock) {
        this.consumers = consumers;
        this.json = json;
        this.topic = topic;
        this.retention = retention;
        this.clock = clock;
        this.lastPruned = clock.instant();
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    @Override
    public Optional<Entry> find(UUID keyId) {
        Entry entry = entries.get(keyId);
        return entry == null || isExpired(entry) ? Optional.empty() : Optional.of(entry);
    }

    @Override
    public void remember(UUID keyId, Entry entry) {
        entries.put(keyId, entry);
    }

    int size() {
        return entries.size();
    }

    @Override
    public void start() {
        stopping = new CountDownLatch(1);
        running = true;
        reader = new Thread(this::readForever, "idempotency-ledger-reader");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void stop() {
        running = false;
        stopping.countDown();
        Consumer<String, byte[]> consumer = current;
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void readForever() {
        while (running) {
            try (Consumer<String, byte[]> consumer = consumers.get()) {
                current = consumer;
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> startEnd = new HashMap<>(consumer.endOffsets(partitions));
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        apply(record);
                    }
                    if (!ready && caughtUp(consumer, startEnd)) {
                        ready = true;
                        log.info("Idempotency ledger ready with {} keys from {}", entries.size(), topic);
                    }
                    pruneExpired();
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Idempotency ledger lost its reader ({}); retrying in {}", e.toString(), RECONNECT_BACKOFF);
                pause();
            }
        }
    }

    private void pruneExpired() {
        Instant now = clock.instant();
        if (now.isAfter(lastPruned.plus(PRUNE_EVERY))) {
            entries.values().removeIf(this::isExpired);
            lastPruned = now;
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            entries.remove(UUID.fromString(record.key()));
            return;
        }
        try {
            // Keyed by the idempotency key's own id; the complaint's id is in the value (the same id in records
            // written before the lanes, when a key named one id only).
            IdempotencyRecord value = json.readValue(record.value(), IdempotencyRecord.class);
            entries.put(UUID.fromString(record.key()),
                    new Entry(value.complaintId(), value.fingerprint(), value.receivedAt()));
        } catch (JacksonException | IllegalArgumentException e) {
            log.warn("Skipping unreadable idempotency record at {}-{}@{}", record.topic(), record.partition(),
                    record.offset());
        }
    }

    private static boolean caughtUp(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> startEnd) {
        return startEnd.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private boolean isExpired(Entry entry) {
        return entry.receivedAt().isBefore(clock.instant().minus(retention));
    }

    private void pause() {
        try {
            stopping.await(RECONNECT_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
