package org.hotline.notification.dispatch.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.hotline.notification.dispatch.application.Ledger;
import org.hotline.notification.dispatch.application.LedgerEntry;
import org.hotline.notification.dispatch.application.Outcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger on a compacted Kafka topic ({@code notification.ledger.v1}) with one partition for each partition of
 * {@code complaints.routed.v1}: the records of messages planned from routed partition {@code p} are in ledger
 * partition {@code p}. The instance that owns routed partition {@code p} owns ledger partition {@code p}:
 *
 * <ul>
 *   <li><b>Taking a partition</b> ({@link #open}): a transactional producer with the id {@code <prefix><p>}, the
 *       same on every instance, is initialised. That fences the previous owner's producer (whatever it writes for
 *       {@code p} from then on fails) and settles its unfinished transaction. Only then is the partition read from
 *       the start (read_committed) into memory: the latest state of every message.</li>
 *   <li><b>Writing</b> ({@link #write}): one Kafka transaction per group of records, with the outcome events they
 *       settle; the call returns once it is committed. A result and its outcome are visible together or not at
 *       all, to read_committed consumers.</li>
 *   <li><b>Losing a partition</b>: fenced, or a writer that broke in a way only a new producer repairs (a commit
 *       that timed out, a failed abort): the partition is dropped here and listed by {@link #lostPartitions()};
 *       the consumer takes it again if it still owns it, which reads the ledger anew.</li>
 * </ul>
 * Memory holds the latest state of every message of the owned partitions, not their content: about 70 bytes a
 * settled message, its id kept as {@link MessageKeys} does and its state shared ({@link LedgerEntry.Known#of}).
 */
public final class KafkaLedger implements Ledger, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaLedger.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CLOSE = Duration.ofSeconds(5);

    private final String topic;
    private final String transactionalIdPrefix;
    private final Function<String, Producer<byte[], byte[]>> producers;
    private final Supplier<Consumer<byte[], byte[]>> readers;
    private final Function<Outcome, @Nullable ProducerRecord<byte[], byte[]>> outcomeRecords;
    private final Producer<byte[], byte[]> markers;
    private final JsonMapper json;
    private final Duration loadTimeout;
    private final Map<Integer, Owned> owned = new ConcurrentHashMap<>();
    private final Set<Integer> lost = ConcurrentHashMap.newKeySet();
    private final MessageKeys keys = new MessageKeys();
    private volatile boolean writable = true;

    /** A partition this instance owns: its writer and what it knows. */
    private static final class Owned {
        final Producer<byte[], byte[]> producer;
        /** By {@link MessageKeys#of} of the message id. */
        final Map<Object, LedgerEntry.Known> known = new ConcurrentHashMap<>();
        final ReentrantLock lock = new ReentrantLock();
        boolean broken;

        Owned(Producer<byte[], byte[]> producer) {
            this.producer = producer;
        }
    }

    /**
     * @param producers makes a transactional producer with the given transactional id
     * @param markers a plain idempotent producer (acks=all) for sent-markers
     * @param readers makes a read_committed consumer with no group, to read a partition from the start
     * @param outcomeRecords the outcome event of a settled message, as a record of the outcomes topic; null for a
     *     message whose outcome is not published
     * @param loadTimeout the longest a partition's ledger may take to read before taking it fails
     */
    public KafkaLedger(String topic, String transactionalIdPrefix, Function<String, Producer<byte[], byte[]>> producers,
            Producer<byte[], byte[]> markers, Supplier<Consumer<byte[], byte[]>> readers,
            Function<Outcome, @Nullable ProducerRecord<byte[], byte[]>> outcomeRecords, JsonMapper json,
            Duration loadTimeout) {
        this.topic = topic;
        this.transactionalIdPrefix = transactionalIdPrefix;
        this.producers = producers;
        this.markers = markers;
        this.readers = readers;
        this.outcomeRecords = outcomeRecords;
        this.json = json;
        this.loadTimeout = loadTimeout;
    }

    /**
     * Takes the partition: fences its previous writer, then reads what it knows.
     *
     * @throws LedgerUnavailableException when the broker does not answer in time; nothing is taken
     */
    public void open(int partition) {
        close(partition);
        Producer<byte[], byte[]> producer = null;
        try {
            producer = producers.apply(transactionalIdPrefix + partition);
            producer.initTransactions();
            Owned taken = new Owned(producer);
            int count = load(partition, taken.known);
            owned.put(partition, taken);
            lost.remove(partition);
            writable = true;
            log.info("Took ledger partition {}-{}: {} message(s) known", topic, partition, count);
        } catch (KafkaException | IllegalStateException e) {
            if (producer != null) {
                closeQuietly(producer);
            }
            writable = false;
            throw new LedgerUnavailableException("cannot take ledger partition " + partition + ": " + e, e);
        }
    }

    /** Gives the partition up (it was revoked): its writer is closed, what it knew is forgotten. */
    public void close(int partition) {
        Owned gone = owned.remove(partition);
        lost.remove(partition);
        if (gone == null) {
            return;
        }
        gone.lock.lock();
        try {
            gone.broken = true;
            closeQuietly(gone.producer);
        } finally {
            gone.lock.unlock();
        }
    }

    /** Partitions whose writer broke or was fenced; the consumer takes them again if they are still its own. */
    public Set<Integer> lostPartitions() {
        return Set.copyOf(lost);
    }

    /** Whether the partition is taken and its writer usable. */
    public boolean owns(int partition) {
        return owned.containsKey(partition);
    }

    /** Whether the last attempt to take or write a partition succeeded. */
    public boolean writable() {
        return writable;
    }

    /** Messages known across the owned partitions. */
    public int known() {
        return owned.values().stream().mapToInt(taken -> taken.known.size()).sum();
    }

    @Override
    public LedgerEntry.@Nullable Known find(int partition, String messageId) {
        Owned taken = owned.get(partition);
        return taken == null ? null : taken.known.get(keys.of(messageId));
    }

    @Override
    public void write(int partition, List<LedgerEntry> entries, List<Outcome> outcomes) {
        Owned taken = owned.get(partition);
        if (taken == null) {
            throw new PartitionLostException(partition, "ledger partition " + partition + " is not taken here", null);
        }
        taken.lock.lock();
        try {
            if (taken.broken) {
                throw new PartitionLostException(partition, "ledger partition " + partition + " was given up", null);
            }
            Producer<byte[], byte[]> producer = taken.producer;
            try {
                producer.beginTransaction();
                for (LedgerEntry entry : entries) {
                    producer.send(new ProducerRecord<>(topic, partition, bytes(entry.messageId()),
                            json.writeValueAsBytes(LedgerRecord.of(entry))));
                }
                for (Outcome outcome : outcomes) {
                    ProducerRecord<byte[], byte[]> record = outcomeRecords.apply(outcome);
                    if (record != null) {
                        producer.send(record);
                    }
                }
                producer.commitTransaction();
            } catch (KafkaException e) {
                writable = false;
                try {
                    producer.abortTransaction();
                } catch (KafkaException | IllegalStateException abortFailed) {
                    // Fenced, a commit that timed out, or a fatal error: only a new producer can go on.
                    throw giveUp(partition, taken, e);
                }
                throw new LedgerUnavailableException("ledger write to partition " + partition + " aborted: " + e, e);
            } catch (IllegalStateException e) {
                throw giveUp(partition, taken, e);
            }
            for (LedgerEntry entry : entries) {
                taken.known.put(keys.of(entry.messageId()), entry.known());
            }
            writable = true;
        } finally {
            taken.lock.unlock();
        }
    }

    /**
     * A sent-marker is not fenced (it is no transaction): a stale owner's marker is still true, since it is written
     * only after the SMTP server accepted the message.
     */
    @Override
    public void markSent(LedgerEntry sent, Runnable whenDurable) {
        try {
            markers.send(new ProducerRecord<>(topic, sent.partition(), bytes(sent.messageId()),
                    json.writeValueAsBytes(LedgerRecord.marker(sent))), (metadata, failure) -> {
                        if (failure == null) {
                            whenDurable.run();
                        } else {
                            log.debug("sent-marker of {} not written: {}", sent.messageId(), failure.toString());
                        }
                    });
        } catch (KafkaException e) {
            log.debug("sent-marker of {} not written: {}", sent.messageId(), e.toString());
        }
    }

    @Override
    public void close() {
        owned.keySet().forEach(this::close);
        markers.close(CLOSE);
    }

    private PartitionLostException giveUp(int partition, Owned taken, Exception cause) {
        log.warn("Ledger partition {}-{} given up: {}", topic, partition, cause.toString());
        taken.broken = true;
        owned.remove(partition, taken);
        lost.add(partition);
        closeQuietly(taken.producer);
        return new PartitionLostException(partition, "ledger partition " + partition + " lost: " + cause, cause);
    }

    private int load(int partition, Map<Object, LedgerEntry.Known> known) {
        TopicPartition source = new TopicPartition(topic, partition);
        try (Consumer<byte[], byte[]> reader = readers.get()) {
            reader.assign(List.of(source));
            reader.seekToBeginning(List.of(source));
            long end = reader.endOffsets(List.of(source), loadTimeout).get(source);
            long deadline = System.nanoTime() + loadTimeout.toNanos();
            while (reader.position(source, loadTimeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading ledger partition " + partition + " took longer than "
                            + loadTimeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL)) {
                    apply(record, known);
                }
            }
        }
        return known.size();
    }

    private void apply(ConsumerRecord<byte[], byte[]> record, Map<Object, LedgerEntry.Known> known) {
        if (record.key() == null) {
            return;
        }
        Object messageId = keys.of(new String(record.key(), StandardCharsets.UTF_8));
        if (record.value() == null) {
            known.remove(messageId);
            return;
        }
        try {
            LedgerRecord read = json.readValue(record.value(), LedgerRecord.class);
            LedgerEntry.Known before = known.get(messageId);
            if (read.isMarker() && before != null && before.status().settled()) {
                // A marker that reached the log after its recorded result says nothing new.
                return;
            }
            known.put(messageId, read.known());
        } catch (JacksonException | IllegalArgumentException e) {
            log.warn("Skipping unreadable ledger record at {}-{}@{}", record.topic(), record.partition(),
                    record.offset());
        }
    }

    private static void closeQuietly(Producer<byte[], byte[]> producer) {
        try {
            producer.close(CLOSE);
        } catch (KafkaException e) {
            log.debug("closing a ledger producer failed", e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
