package org.hotline.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.hotline.keys.KeyRecordFormat.RecordKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the consumers: it follows every partition of the keys topic into the {@link LocalKeys},
 * runs the {@link CatchUps} finders ask for, and starts the store over when it has not been up to date for longer
 * than {@code rebuildAfter} (the reason is on {@link ComplaintKeyStore}). Every failure is retried, from the offsets
 * the store holds, for as long as the store is open.
 */
final class KeyFollower implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(KeyFollower.class);
    /** Short, so that a catch-up asked for while the topic is quiet starts within a tenth of a second. */
    private static final Duration POLL = Duration.ofMillis(100);
    /** How long one metadata or end-offsets request may hold the loop up; it is asked again after a pause. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    /** The store records that it is up to date at most this often (and more often when rebuildAfter is short). */
    private static final Duration MARK_AT_MOST_EVERY = Duration.ofMinutes(1);

    private final Consumer<String, byte[]> consumer;
    /**
     * A second consumer, {@code read_uncommitted}, assigned nothing, asked only for end offsets: the high watermark,
     * not the last stable offset. A producer's commit returns before the transaction's markers are written, so the
     * last stable offset may not cover yet a key committed a moment ago; the follower, {@code read_committed},
     * reaches the high watermark once every transaction before it is resolved, and has then read the key. A second
     * connection too: the broker answers one request at a time on a connection, and the follower's is mostly held by
     * a fetch waiting up to {@code fetch.max.wait.ms} for records. It also asks the broker for the topic's partitions
     * at the start of each catch-up.
     */
    private final Consumer<String, byte[]> ends;
    private final String topic;
    private final LocalKeys keys;
    private final KeyRecordFormat format = new KeyRecordFormat();
    private final CatchUps catchUps;
    private final Clock clock;
    private final Duration rebuildAfter;
    /**
     * As often as the consumer refreshes its metadata, where partitions added to the topic first show without a
     * catch-up (each catch-up asks the broker).
     */
    private final Duration partitionsEvery;
    private final Duration markEvery;
    /** Rounds nobody can still be waiting for are dropped after this: a finder waits for no longer. */
    private final Duration catchUpTimeout;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean caughtUp;

    // Touched by the follower's thread only.
    private final Map<TopicPartition, Long> stored = new HashMap<>();
    private final List<Round> started = new ArrayList<>();
    private List<TopicPartition> assigned = List.of();
    private long partitionsCheckedAt;
    /** A round taken whose end offsets could not be asked for yet; 0 when none. */
    private long unstarted;
    /** The start of the last completed catch-up: the store then held everything the topic had held before it. */
    private Instant upToDateAt;
    private @Nullable Instant markedAt;
    private Instant requestedAt;
    private boolean failing;

    KeyFollower(Consumer<String, byte[]> consumer, Consumer<String, byte[]> ends, String topic, LocalKeys keys,
            CatchUps catchUps, Clock clock, Duration rebuildAfter, Duration catchUpTimeout, Duration partitionsEvery) {
        this.consumer = consumer;
        this.ends = ends;
        this.topic = topic;
        this.keys = keys;
        this.catchUps = catchUps;
        this.clock = clock;
        this.rebuildAfter = rebuildAfter;
        this.catchUpTimeout = catchUpTimeout;
        this.partitionsEvery = partitionsEvery;
        this.markEvery = min(MARK_AT_MOST_EVERY, rebuildAfter.dividedBy(10));
        keys.offsets().forEach((partition, offset) -> stored.put(new TopicPartition(topic, partition), offset));
        Instant now = clock.instant();
        Instant recorded = keys.upToDateAt();
        // An empty store reading from the beginning cannot have missed an erasure: it is as good as up to date.
        this.upToDateAt = keys.opened() == LocalKeys.Opened.RESUMED && recorded != null ? recorded : now;
        this.markedAt = recorded;
        this.requestedAt = now;
        catchUps.request();
    }

    boolean caughtUp() {
        return caughtUp;
    }

    long skippedRecords() {
        return skipped.get();
    }

    /** Ends the loop, at once if it is waiting on the broker or pausing; the thread then closes the consumers. */
    void stop() {
        running = false;
        stopping.countDown();
        consumer.wakeup();
        ends.wakeup();
    }

    @Override
    public void run() {
        try {
            while (running) {
                try {
                    step();
                    if (failing) {
                        failing = false;
                        log.info("Following {} again", topic);
                    }
                } catch (WakeupException e) {
                    // Woken by stop(), and the loop ends, or by a finder, and a catch-up starts. Nothing is lost:
                    // a poll woken returns no records, and those fetched wait for the next.
                } catch (RuntimeException e) {
                    if (!running) {
                        break;
                    }
                    failed(e);
                    pause();
                }
            }
        } finally {
            close(consumer);
            close(ends);
        }
    }

    private void step() {
        Instant now = clock.instant();
        if (Duration.between(upToDateAt, now).compareTo(rebuildAfter) > 0) {
            rebuild(now);
        }
        if (Duration.between(requestedAt, now).compareTo(markEvery) >= 0) {
            catchUps.request();
            requestedAt = now;
        }
        if (assigned.isEmpty() || System.nanoTime() - partitionsCheckedAt >= partitionsEvery.toNanos()) {
            followPartitions(consumer.partitionsFor(topic, REQUEST_TIMEOUT));
        }
        if (assigned.isEmpty()) {
            pause();
            return;
        }
        startCatchUp();
        if (!started.isEmpty()) {
            // A catch-up the store has reached already, as when the key asked for was never written, completes now
            // rather than after a poll that may wait for records.
            store(ConsumerRecords.empty());
        }
        store(consumer.poll(POLL));
    }

    /**
     * Assigns the partitions {@code found} that are not yet, from the offset stored or the beginning. Only adds: a
     * topic's partitions are never removed, and a list from the consumer's metadata may be older than the last one
     * from the broker.
     */
    private void followPartitions(@Nullable List<PartitionInfo> found) {
        partitionsCheckedAt = System.nanoTime();
        List<TopicPartition> added = found == null ? List.of() : found.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .filter(partition -> !assigned.contains(partition))
                .toList();
        if (added.isEmpty()) {
            if (assigned.isEmpty()) {
                throw new UnknownTopicOrPartitionException("the topic " + topic + " does not exist (yet)");
            }
            return;
        }
        List<TopicPartition> all = Stream.concat(assigned.stream(), added.stream())
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
        consumer.assign(all);
        // The end-offsets consumer is assigned them too, and never polls: the Kafka client logs a warning for each
        // partition of an end-offsets answer that its consumer is not assigned ("Not updating high watermark ... no
        // longer assigned"), which was one per partition at every catch-up.
        ends.assign(all);
        for (TopicPartition partition : added) {
            // Offset 0 rather than seekToBeginning: a position known at once, even before the broker answers. Should
            // the log start later, auto.offset.reset=earliest moves it there.
            consumer.seek(partition, stored.getOrDefault(partition, 0L));
        }
        if (assigned.isEmpty()) {
            log.info("Following the {} partition(s) of {}", all.size(), topic);
        } else {
            log.info("{} has {} partitions now; following the {} added", topic, all.size(), added.size());
        }
        assigned = all;
    }

    private void startCatchUp() {
        long round = catchUps.start();
        if (round != 0) {
            unstarted = round;
        }
        if (unstarted == 0) {
            return;
        }
        // Taken before the partitions and end offsets are asked for: once the store reaches those, it holds all the
        // topic held then.
        Instant askedAt = clock.instant();
        // The partitions before the end offsets, so that these cover a partition added a moment ago: a key committed
        // to it before the find must be found. Not from partitionsFor, which answers from the consumer's metadata,
        // refreshed every metadata.max.age.ms only; listTopics sends the broker a metadata request each time. It
        // lists every topic the client may see: one small answer on a cluster of a few dozen topics.
        followPartitions(ends.listTopics(REQUEST_TIMEOUT).get(topic));
        Map<TopicPartition, Long> reach = ends.endOffsets(assigned, REQUEST_TIMEOUT);
        started.add(new Round(unstarted, Map.copyOf(reach), askedAt, System.nanoTime()));
        unstarted = 0;
    }

    /**
     * Stores what one poll returned and where it left each partition in one batch, then completes the catch-ups it
     * reached: a finder woken by one reads keys already stored.
     */
    private void store(ConsumerRecords<String, byte[]> records) {
        long skippedHere = 0;
        Map<TopicPartition, Long> positions = positions();
        Round reached = started.stream().filter(round -> round.reachedBy(positions))
                .max(Comparator.comparingLong(Round::number)).orElse(null);
        boolean mark = reached != null
                && (markedAt == null || Duration.between(markedAt, reached.askedAt()).compareTo(markEvery) >= 0);
        try (LocalKeys.Batch batch = keys.batch()) {
            for (ConsumerRecord<String, byte[]> record : records) {
                if (!apply(record, batch)) {
                    skippedHere++;
                }
            }
            positions.forEach((partition, offset) -> {
                if (!offset.equals(stored.get(partition))) {
                    batch.offset(partition.partition(), offset);
                }
            });
            if (mark) {
                batch.upToDateAt(reached.askedAt());
            }
            if (!batch.isEmpty()) {
                batch.commit();
            }
        }
        stored.putAll(positions);
        skipped.addAndGet(skippedHere);
        if (reached != null) {
            if (mark) {
                markedAt = reached.askedAt();
            }
            if (reached.askedAt().isAfter(upToDateAt)) {
                upToDateAt = reached.askedAt();
            }
            caughtUp = true;
            started.removeIf(round -> round.number() <= reached.number());
            catchUps.complete(reached.number());
        }
        // The last round is kept whatever its age, so that a long first read still ends in a completed catch-up.
        long now = System.nanoTime();
        Round last = started.isEmpty() ? null : started.get(started.size() - 1);
        started.removeIf(round -> round != last && now - round.startedNanos() > catchUpTimeout.toNanos());
    }

    /**
     * True when applied as a key or a tombstone; false when the record was not in the expected format. A value that
     * is not, under a record key that names a complaint, is stored all the same: looking that complaint up then
     * fails as unavailable (the value is read again, and refused, on every lookup), rather than finding no key and
     * taking the complaint for erased. A newer intake's format during a rolling upgrade must not lose a complaint.
     */
    private boolean apply(ConsumerRecord<String, byte[]> record, LocalKeys.Batch batch) {
        if (record.key() == null) {
            skip(record, "no record key");
            return false;
        }
        RecordKey key;
        try {
            // A tombstone's key is checked too: it must name exactly the record key it deletes, in the one spelling
            // a put is stored under.
            key = RecordKey.parse(record.key());
        } catch (KeyRecordFormat.Malformed e) {
            skip(record, e.getMessage());
            return false;
        }
        if (record.value() == null) {
            batch.delete(key);
            return true;
        }
        batch.put(key, record.value());
        try {
            format.read(key, record.value());
            return true;
        } catch (KeyRecordFormat.Malformed e) {
            skip(record, e.getMessage() + "; kept, so that the complaint's lookups fail instead of finding no key");
            return false;
        }
    }

    private void skip(ConsumerRecord<String, byte[]> record, @Nullable String reason) {
        // Where it is and why, never what it holds: the value is key material.
        log.warn("Skipped the record at {}-{} offset {}: {}", record.topic(), record.partition(), record.offset(),
                reason);
    }

    /**
     * The consumer's position in each partition, where it knows it without asking the broker. Never fails: it is
     * taken after a poll, whose records would be lost if this threw before they were stored.
     */
    private Map<TopicPartition, Long> positions() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : assigned) {
            try {
                positions.put(partition, consumer.position(partition, Duration.ZERO));
            } catch (TimeoutException | WakeupException e) {
                // Being reset, or validated after a leader change: known after a later poll. Asking for it may meet
                // a finder's nudge, which is then spent, and the catch-up starts at the next turn.
            }
        }
        return positions;
    }

    private void rebuild(Instant now) {
        log.warn("The complaint key store has not been up to date with {} since {}, longer ago than {}: an erasure"
                + " may have been compacted away unseen, so it is rebuilt from the beginning", topic, upToDateAt,
                rebuildAfter);
        keys.wipe();
        stored.clear();
        for (TopicPartition partition : assigned) {
            consumer.seek(partition, 0L);
        }
        upToDateAt = now;
        markedAt = null;
        caughtUp = false;
    }

    /**
     * Logs the first failure of a run of them, with its stack trace unless Kafka's (a broker out of reach, a topic
     * missing: the message says it all); rewinds to the offsets stored, as the poll may have moved past them.
     */
    private void failed(RuntimeException e) {
        if (!failing) {
            failing = true;
            if (e instanceof KafkaException) {
                log.warn("Cannot follow {} ({}); retrying every {} until it can", topic, e.toString(), RETRY_PAUSE);
            } else {
                log.warn("Cannot follow {}; retrying every {} until it can", topic, RETRY_PAUSE, e);
            }
        } else {
            log.debug("Still cannot follow {} ({})", topic, e.toString());
        }
        try {
            for (TopicPartition partition : assigned) {
                consumer.seek(partition, stored.getOrDefault(partition, 0L));
            }
        } catch (RuntimeException again) {
            log.debug("Cannot rewind {} ({})", topic, again.toString());
        }
    }

    private void pause() {
        try {
            stopping.await(RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * At once: without a group there is nothing to commit nor leave, and waiting would only wait for the fetch in
     * flight, up to fetch.max.wait.ms; the broker forgets the fetch session on its own.
     */
    private void close(Consumer<String, byte[]> closing) {
        try {
            closing.close(CloseOptions.timeout(Duration.ZERO));
        } catch (RuntimeException e) {
            log.debug("Closing a consumer of {} failed", topic, e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A catch-up started: the end offsets it must reach, taken at {@code askedAt}. */
    private record Round(long number, Map<TopicPartition, Long> reach, Instant askedAt, long startedNanos) {

        boolean reachedBy(Map<TopicPartition, Long> positions) {
            return reach.entrySet().stream().allMatch(end -> {
                Long position = positions.get(end.getKey());
                return position != null && position >= end.getValue();
            });
        }
    }
}
