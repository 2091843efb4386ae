package org.hotline.keys;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each complaint's data keys, wrapped under the service key, looked up by complaint id: a copy on local disk (RocksDB)
 * of the compacted topic {@code complaints.keys.v1}, all its partitions, kept by one background thread. Memory stays
 * small and flat however many complaints there are.
 *
 * <p>Intake writes a complaint's key in the same transaction as the complaint's event, under the record key
 * {@code <complaintId>/<kid>} with a kid of its own: a complaint published twice has two keys, and each is kept.
 * Erasing a complaint writes a tombstone for each of its record keys; the store then deletes the key and compacts it
 * out of its files. {@link #find} answers from the store; a complaint it holds no key of may just not have been
 * read yet, so it first reads the topic up to its end as of the call, and only then answers that there is none
 * (erased, or never written), or fails with {@link KeysUnavailableException} when it could not read that far in time.
 * That end is the high watermark, and the store reads committed records only ({@code read_committed}), so it gets
 * there once every transaction written before the call is resolved: a key committed a moment before is found (Kafka
 * writes a transaction's markers after the producer's commit returns, so the last stable offset would miss it), and
 * a key of an aborted transaction never is. Erasure is seen as soon as the tombstone is read: a find of an erased key
 * that the store still holds returns it until then, typically milliseconds.
 *
 * <p>Partitions added to the topic are followed from the next catch-up, which asks the broker for them first: a key
 * written to one before a {@link #find} that waits for a catch-up is found by it. Without finds, within the
 * consumer's {@code metadata.max.age.ms} (30 s unless set).
 *
 * <p>Why a store is rebuilt: the topic is compacted, and Kafka removes a tombstone {@code delete.retention.ms} after
 * compacting it. A store that was not up to date with the topic for longer than that may never see the tombstone of
 * a key it holds, and would keep a key that was erased. So when the store was last up to date longer than
 * {@link Settings#rebuildAfter} ago (at start, or while running with the broker out of reach), it is emptied and read
 * again from the beginning; {@code rebuildAfter} must be shorter than the topic's {@code delete.retention.ms}, with
 * a margin for the time a rebuild takes.
 *
 * <p>Thread-safe. {@link #close} it when done: it holds a thread, a consumer, and native memory.
 */
public final class ComplaintKeyStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ComplaintKeyStore.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_METADATA_MAX_AGE = Duration.ofSeconds(30);

    private final Settings settings;
    private final LocalKeys keys;
    private final CatchUps catchUps;
    private final KeyFollower follower;
    private final Thread thread;
    private final KeyRecordFormat format = new KeyRecordFormat();
    private final AtomicBoolean closed = new AtomicBoolean();

    private ComplaintKeyStore(Settings settings, LocalKeys keys, CatchUps catchUps, KeyFollower follower) {
        this.settings = settings;
        this.keys = keys;
        this.catchUps = catchUps;
        this.follower = follower;
        this.thread = new Thread(follower, "complaint-keys-" + settings.topic());
        thread.setDaemon(true);
    }

    /**
     * Opens the store in {@code settings.directory()} (creating it, or emptying it as the class explains) and starts
     * following the topic from the offsets it holds. Returns at once: the topic need not exist yet, nor the broker be
     * reachable; until they are, {@link #find} answers only from what the store holds.
     */
    public static ComplaintKeyStore start(Settings settings) {
        return start(settings, Clock.systemUTC());
    }

    static ComplaintKeyStore start(Settings settings, Clock clock) {
        LocalKeys keys = LocalKeys.open(settings.directory(), settings.topic(), settings.rebuildAfter(),
                clock.instant());
        KafkaConsumer<String, byte[]> follows = null;
        KafkaConsumer<String, byte[]> ends = null;
        try {
            follows = consumer(settings, "read_committed");
            ends = consumer(settings, "read_uncommitted");
            CatchUps catchUps = new CatchUps(follows::wakeup);
            KeyFollower follower = new KeyFollower(follows, ends, settings.topic(), keys, catchUps, clock,
                    settings.rebuildAfter(), settings.catchUpTimeout(), metadataMaxAge(settings));
            ComplaintKeyStore store = new ComplaintKeyStore(settings, keys, catchUps, follower);
            store.thread.start();
            return store;
        } catch (RuntimeException e) {
            if (follows != null) {
                follows.close();
            }
            if (ends != null) {
                ends.close();
            }
            keys.close();
            throw e;
        }
    }

    /**
     * A consumer with the settings given, and those this store cannot work without: no group (every partition is
     * assigned, and the offsets live in the store), the {@code isolation} level of its role (committed records only
     * for the one that reads them), and no topic created by a misspelt name.
     */
    private static KafkaConsumer<String, byte[]> consumer(Settings settings, String isolation) {
        Map<String, Object> config = new HashMap<>(settings.consumerProperties());
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, metadataMaxAge(settings).toMillis());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * How often the consumer refreshes its metadata, where partitions added to the topic show between catch-ups: as
     * given, or 30 s rather than Kafka's 5 minutes, during which a tombstone in a new partition would not be read.
     */
    private static Duration metadataMaxAge(Settings settings) {
        Object given = settings.consumerProperties().get(ConsumerConfig.METADATA_MAX_AGE_CONFIG);
        return given == null ? DEFAULT_METADATA_MAX_AGE : Duration.ofMillis(Long.parseLong(given.toString()));
    }

    /**
     * Every wrapped key of {@code complaintId} the store holds, in no particular order: usually one, several when
     * the complaint was published more than once. Empty means that the topic, read up to its end as of this call,
     * holds no key for it: erased, or never written. Blocks for at most {@link Settings#catchUpTimeout} when the
     * store holds none; when it holds some, it answers at once, without a key written a moment ago, if any.
     *
     * @throws KeysUnavailableException on any failure, a closed store included: the topic could not be read that far
     *     in time, or the store could not be read. The caller must try again later and must not take the complaint
     *     as erased
     */
    public List<WrappedKey> find(UUID complaintId) {
        try {
            // Answered from the store without asking Kafka: most keys are read long before anyone looks for them.
            List<WrappedKey> held = held(complaintId);
            if (!held.isEmpty()) {
                return held;
            }
            awaitCatchUp();
            return held(complaintId);
        } catch (KeysUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            // Whatever it is (RocksDB's failure, a store closed meanwhile, a defect), the callers take this type
            // alone as "try again later"; any other ends the consumer thread they call from. The cause says what.
            throw new KeysUnavailableException("cannot look up a complaint's keys in the store of '"
                    + settings.topic() + "'", e);
        }
    }

    /**
     * As {@link #find}, but reads the topic up to its end as of this call first, even when the store holds keys of
     * the complaint: for when a key held does not open what it should (a key written a moment ago may be the one),
     * and for an erasure, which must name every key.
     *
     * @throws KeysUnavailableException as {@link #find}
     */
    public List<WrappedKey> findUpToDate(UUID complaintId) {
        try {
            awaitCatchUp();
            return held(complaintId);
        } catch (KeysUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new KeysUnavailableException("cannot look up a complaint's keys in the store of '"
                    + settings.topic() + "'", e);
        }
    }

    private void awaitCatchUp() {
        boolean caughtUp;
        try {
            caughtUp = catchUps.await(settings.catchUpTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeysUnavailableException("interrupted while reading the keys topic '" + settings.topic()
                    + "' up to date", e);
        }
        if (!caughtUp) {
            throw new KeysUnavailableException("the keys topic '" + settings.topic() + "' could not be read up to"
                    + " date within " + settings.catchUpTimeout());
        }
    }

    private List<WrappedKey> held(UUID complaintId) {
        // Read again as each was checked before it was stored; a failure here would be a defect, not bad input.
        return keys.get(complaintId).stream().map(held -> format.read(held.key(), held.value())).toList();
    }

    /** About how many keys the store holds, for a gauge: RocksDB's estimate, which may lag deletions. */
    public long keysHeld() {
        return keys.keysHeld();
    }

    /** True once the store has read the topic up to its end since it started (false again while it rebuilds). */
    public boolean caughtUp() {
        return follower.caughtUp();
    }

    /** Records skipped since start as not in the expected format (each logged with its partition and offset). */
    public long skippedRecords() {
        return follower.skippedRecords();
    }

    /**
     * Stops the thread, closes the consumer and the store; finds still waiting, and any made afterwards, fail with
     * {@link KeysUnavailableException}. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        follower.stop();
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("The follower of {} did not stop within {}; closing the store under it", settings.topic(),
                    STOP_WAIT);
        }
        catchUps.close();
        keys.close();
    }

    /**
     * How to reach the keys topic and where to keep its copy.
     *
     * @param consumerProperties Kafka consumer settings: {@code bootstrap.servers} and any security settings. A
     *     group id is ignored, and the isolation level, offset commits, offset reset and topic creation are set here;
     *     {@code metadata.max.age.ms} is 30 s unless given, as partitions added to the topic show with the metadata
     *     between catch-ups
     * @param topic the compacted keys topic, {@code complaints.keys.v1}
     * @param directory where the RocksDB store lives; on a disk that survives restarts, or every start reads the
     *     whole topic; used by one store at a time (RocksDB locks it)
     * @param catchUpTimeout how long a {@link #find} of a complaint the store holds no key of may wait for the topic
     *     to be read up to its end, before it fails with {@link KeysUnavailableException}
     * @param rebuildAfter a store not up to date with the topic for longer than this is rebuilt; shorter than the
     *     topic's {@code delete.retention.ms}, or an erasure may be missed (see {@link ComplaintKeyStore})
     */
    public record Settings(Map<String, Object> consumerProperties, String topic, Path directory,
            Duration catchUpTimeout, Duration rebuildAfter) {

        public Settings {
            consumerProperties = Map.copyOf(consumerProperties);
            if (!consumerProperties.containsKey(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
                throw new IllegalArgumentException("consumerProperties must name the bootstrap.servers");
            }
            if (topic.isBlank()) {
                throw new IllegalArgumentException("topic must not be blank");
            }
            if (catchUpTimeout.isNegative() || catchUpTimeout.isZero()) {
                throw new IllegalArgumentException("catchUpTimeout must be positive, not " + catchUpTimeout);
            }
            if (rebuildAfter.isNegative() || rebuildAfter.isZero()) {
                throw new IllegalArgumentException("rebuildAfter must be positive, not " + rebuildAfter);
            }
        }

        /** The consumer properties' names only: their values may hold credentials. */
        @Override
        public String toString() {
            return "Settings[consumerProperties=" + consumerProperties.keySet() + ", topic=" + topic + ", directory="
                    + directory + ", catchUpTimeout=" + catchUpTimeout + ", rebuildAfter=" + rebuildAfter + "]";
        }
    }
}
