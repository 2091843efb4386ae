package org.hotline.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.hotline.keys.KeyRecordFormat.RecordKey;
import org.jspecify.annotations.Nullable;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RocksDB store on disk: the record values by record key (column family {@code keys}), and in {@code progress}
 * the topic followed, the offset reached in each of its partitions and the time the store was last up to date with
 * the topic. Keys and offsets change together in one atomic batch, so after a crash the store resumes from offsets
 * that match its keys. Memory stays small and bounded, whatever the number of keys: a 4 MiB block cache (indexes and
 * filters included), two 1 MiB write buffers per column family, a few open files.
 *
 * <p>A record key is stored as the 16 bytes of its complaint id followed by its kid in ASCII (nothing for the form
 * without a kid), so that every key of a complaint is found by a seek to the 16 bytes, and two record keys are two
 * entries, deleted one by one as their tombstones name them.
 *
 * <p>Safe for any number of threads. Every use holds a read lock and {@link #close} the write lock, as RocksDB's
 * native objects crash the JVM when used after they were freed.
 */
final class LocalKeys implements AutoCloseable {

    /** What {@link #open} found in the directory. */
    enum Opened { NEW, RESUMED, REBUILT }

    private static final Logger log = LoggerFactory.getLogger(LocalKeys.class);
    private static final byte[] KEYS = "keys".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PROGRESS = "progress".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TOPIC = "topic".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UP_TO_DATE_AT = "up-to-date-at".getBytes(StandardCharsets.UTF_8);
    private static final String OFFSET_PREFIX = "offset/";
    /**
     * How the keys are stored, recorded in {@code progress}: a store written in another layout (or before layouts
     * were recorded, by complaint id in text) is rebuilt, as its keys would be found under no complaint while its
     * offsets said they had been read, and every find would answer "erased".
     */
    private static final byte[] LAYOUT = "layout".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CURRENT_LAYOUT = "uuid-bytes+kid".getBytes(StandardCharsets.UTF_8);
    private static final int ID_BYTES = 16;
    private static final long BLOCK_CACHE_BYTES = 4L << 20;
    private static final long WRITE_BUFFER_BYTES = 1L << 20;
    private static final int MAX_OPEN_FILES = 64;
    /** Past this the oldest log is freed by flushing the column families it holds, so the WAL cannot grow. */
    private static final long MAX_WAL_BYTES = 8L << 20;
    /**
     * A safety net behind the compaction after each erasure (see {@link Batch#commit}): a table file older than a day
     * is rewritten, so a value whose compaction failed, or was interrupted, leaves the disk within about a day.
     */
    private static final long PERIODIC_COMPACTION_SECONDS = 86_400;

    static {
        RocksDB.loadLibrary();
    }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Path directory;
    private final String topic;
    private final LRUCache cache;
    private final BloomFilter filter;
    private final ColumnFamilyOptions familyOptions;
    private final ColumnFamilyOptions keysOptions;
    private final DBOptions options;
    /** Each seek stays within the 16 bytes of one complaint id, and the Bloom filter on them applies. */
    private final ReadOptions sameComplaint;
    private final FlushOptions flushOptions;
    /**
     * Rewrites the files of the last level too: by default a manual compaction leaves them as they are (there is no
     * compaction filter), and an erased value may be in one of them.
     */
    private final CompactRangeOptions rewriteAll;
    /**
     * Not synced to disk on each write: a crash of the process loses nothing, a crash of the machine the last batches
     * at most, and then keys and offsets together, which are read again from the topic.
     */
    private final WriteOptions writeOptions;
    private final RocksDB db;
    private final ColumnFamilyHandle defaultFamily;
    /** Replaced by {@link #wipe}, which frees the one replaced: read under the lock only, like {@code progress}. */
    private ColumnFamilyHandle keys;
    private ColumnFamilyHandle progress;
    private Opened opened = Opened.RESUMED;
    private boolean closed;
    /** Whether a batch deleted keys since the store was opened: {@link #close} then compacts the whole store. */
    private volatile boolean erased;

    private LocalKeys(Path directory, String topic) throws RocksDBException {
        this.directory = directory;
        this.topic = topic;
        cache = new LRUCache(BLOCK_CACHE_BYTES);
        filter = new BloomFilter(10);
        familyOptions = new ColumnFamilyOptions()
                .setWriteBufferSize(WRITE_BUFFER_BYTES)
                .setMaxWriteBufferNumber(2)
                .setTableFormatConfig(new BlockBasedTableConfig()
                        .setBlockCache(cache)
                        .setFilterPolicy(filter)
                        .setCacheIndexAndFilterBlocks(true));
        // A lookup of an erased complaint finds nothing: the Bloom filter on the complaint id, the key's first 16
        // bytes, answers it without reading a block. Keys are only ever sought by complaint id, never whole.
        keysOptions = new ColumnFamilyOptions()
                .setWriteBufferSize(WRITE_BUFFER_BYTES)
                .setMaxWriteBufferNumber(2)
                .useFixedLengthPrefixExtractor(ID_BYTES)
                .setPeriodicCompactionSeconds(PERIODIC_COMPACTION_SECONDS)
                .setTableFormatConfig(new BlockBasedTableConfig()
                        .setBlockCache(cache)
                        .setFilterPolicy(filter)
                        .setWholeKeyFiltering(false)
                        .setCacheIndexAndFilterBlocks(true));
        options = new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                .setMaxOpenFiles(MAX_OPEN_FILES)
                .setMaxTotalWalSize(MAX_WAL_BYTES)
                .setKeepLogFileNum(2)
                .setMaxLogFileSize(1L << 20);
        writeOptions = new WriteOptions();
        sameComplaint = new ReadOptions().setPrefixSameAsStart(true);
        flushOptions = new FlushOptions().setWaitForFlush(true);
        rewriteAll = new CompactRangeOptions()
                .setBottommostLevelCompaction(CompactRangeOptions.BottommostLevelCompaction.kForce);
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            db = RocksDB.open(options, directory.toString(), List.of(
                    new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, familyOptions),
                    new ColumnFamilyDescriptor(KEYS, keysOptions),
                    new ColumnFamilyDescriptor(PROGRESS, familyOptions)), handles);
        } catch (RocksDBException e) {
            closeOptions();
            throw e;
        }
        defaultFamily = handles.get(0);
        keys = handles.get(1);
        progress = handles.get(2);
    }

    /**
     * Opens the store in {@code directory}, creating it if needed, and empties it unless it followed {@code topic}
     * and was up to date with it within {@code rebuildAfter} before {@code now} (see {@link ComplaintKeyStore}).
     */
    static LocalKeys open(Path directory, String topic, Duration rebuildAfter, Instant now) {
        LocalKeys store;
        try {
            Files.createDirectories(directory);
            store = new LocalKeys(directory, topic);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the complaint key store at " + directory, e);
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot open the complaint key store at " + directory, e);
        }
        try {
            store.checkFreshness(rebuildAfter, now);
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private void checkFreshness(Duration rebuildAfter, Instant now) {
        byte[] followed = readProgress(TOPIC);
        Instant upToDateAt = upToDateAt();
        if (followed == null) {
            opened = Opened.NEW;
            log.info("New complaint key store at {} for {}", directory, topic);
        } else if (!topic.equals(new String(followed, StandardCharsets.UTF_8))) {
            opened = Opened.REBUILT;
            log.warn("The complaint key store at {} followed another topic; it is rebuilt from {}", directory, topic);
        } else if (!Arrays.equals(CURRENT_LAYOUT, readProgress(LAYOUT))) {
            opened = Opened.REBUILT;
            log.warn("The complaint key store at {} holds its keys in an earlier layout; it is rebuilt from {}",
                    directory, topic);
        } else if (upToDateAt == null || Duration.between(upToDateAt, now).compareTo(rebuildAfter) > 0) {
            opened = Opened.REBUILT;
            log.warn("The complaint key store at {} was last up to date with {} at {}, longer ago than {}: an erasure"
                    + " may have been compacted away unseen, so it is rebuilt from the beginning", directory, topic,
                    upToDateAt, rebuildAfter);
        } else {
            log.info("Complaint key store at {} resumes {} (up to date at {})", directory, topic, upToDateAt);
            return;
        }
        wipe();
    }

    Opened opened() {
        return opened;
    }

    /**
     * Drops every key, offset and time and starts over empty, for the same topic. Finds wait meanwhile, so none
     * reads a half-emptied store.
     */
    void wipe() {
        lock.writeLock().lock();
        try {
            ensureOpen();
            keys = recreate(keys, KEYS, keysOptions);
            progress = recreate(progress, PROGRESS, familyOptions);
            db.put(progress, writeOptions, TOPIC, topic.getBytes(StandardCharsets.UTF_8));
            db.put(progress, writeOptions, LAYOUT, CURRENT_LAYOUT);
        } catch (RocksDBException e) {
            throw failure("wipe", e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private ColumnFamilyHandle recreate(ColumnFamilyHandle family, byte[] name, ColumnFamilyOptions familyOptions)
            throws RocksDBException {
        db.dropColumnFamily(family);
        family.close();
        return db.createColumnFamily(new ColumnFamilyDescriptor(name, familyOptions));
    }

    /** Every record held for {@code complaintId}, by record key; none when it has none. */
    List<Held> get(UUID complaintId) {
        byte[] prefix = ByteBuffer.allocate(ID_BYTES).putLong(complaintId.getMostSignificantBits())
                .putLong(complaintId.getLeastSignificantBits()).array();
        lock.readLock().lock();
        try {
            ensureOpen();
            List<Held> held = new ArrayList<>(1);
            try (RocksIterator entries = db.newIterator(keys, sameComplaint)) {
                // The prefix is checked too: the seek is bounded by the column family's prefix extractor alone.
                for (entries.seek(prefix); entries.isValid() && startsWith(entries.key(), prefix); entries.next()) {
                    held.add(new Held(recordKey(entries.key()), entries.value()));
                }
                entries.status();
            }
            return held;
        } catch (RocksDBException e) {
            throw failure("read", e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A record value held, under its record key. */
    record Held(RecordKey key, byte[] value) {
    }

    private static byte[] stored(RecordKey key) {
        byte[] kid = key.kid() == null ? new byte[0] : key.kid().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(ID_BYTES + kid.length).putLong(key.complaintId().getMostSignificantBits())
                .putLong(key.complaintId().getLeastSignificantBits()).put(kid).array();
    }

    private static RecordKey recordKey(byte[] stored) {
        ByteBuffer bytes = ByteBuffer.wrap(stored);
        UUID complaintId = new UUID(bytes.getLong(), bytes.getLong());
        return new RecordKey(complaintId, stored.length == ID_BYTES ? null
                : new String(stored, ID_BYTES, stored.length - ID_BYTES, StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The offset reached in each partition of the topic (the next to read), by partition number. */
    Map<Integer, Long> offsets() {
        lock.readLock().lock();
        try {
            ensureOpen();
            Map<Integer, Long> offsets = new HashMap<>();
            try (RocksIterator entries = db.newIterator(progress)) {
                for (entries.seek(OFFSET_PREFIX.getBytes(StandardCharsets.UTF_8)); entries.isValid(); entries.next()) {
                    String name = new String(entries.key(), StandardCharsets.UTF_8);
                    if (!name.startsWith(OFFSET_PREFIX)) {
                        break;
                    }
                    offsets.put(Integer.parseInt(name.substring(OFFSET_PREFIX.length())),
                            ByteBuffer.wrap(entries.value()).getLong());
                }
            }
            return offsets;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** When the store was last known to hold everything the topic held then; null when never. */
    @Nullable Instant upToDateAt() {
        byte[] millis = readProgress(UP_TO_DATE_AT);
        return millis == null ? null : Instant.ofEpochMilli(ByteBuffer.wrap(millis).getLong());
    }

    /** RocksDB's estimate of the keys held: close, not exact (it counts overwritten and deleted keys until merged). */
    long keysHeld() {
        lock.readLock().lock();
        try {
            ensureOpen();
            return db.getLongProperty(keys, "rocksdb.estimate-num-keys");
        } catch (RocksDBException e) {
            throw failure("estimate the keys of", e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A batch of changes, written at once by {@link Batch#commit} or not at all. */
    Batch batch() {
        return new Batch();
    }

    private byte @Nullable [] readProgress(byte[] key) {
        lock.readLock().lock();
        try {
            ensureOpen();
            return db.get(progress, key);
        } catch (RocksDBException e) {
            throw failure("read", e);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the complaint key store at " + directory + " is closed");
        }
    }

    private IllegalStateException failure(String action, RocksDBException e) {
        return new IllegalStateException("cannot " + action + " the complaint key store at " + directory, e);
    }

    /** Idempotent; waits for any use in progress to end. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (erased) {
                compactAll();
            }
            // Handles before the database, options and the cache after it: the order RocksDB frees them in.
            keys.close();
            progress.close();
            defaultFamily.close();
            db.close();
            closeOptions();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Rewrites every table file of the keys once more, last level included, with no lookup running (the write lock
     * is held). The compaction after an erasure may run while a lookup's iterator still pins the files it read,
     * which then stay on the disk, erased values included, until a later compaction job deletes them; this job is
     * that one, so closing does not leave them there until the next start. Best effort: the daily periodic
     * compaction is the net behind it.
     */
    private void compactAll() {
        try {
            db.flush(flushOptions, List.of(keys, progress, defaultFamily));
            db.compactRange(keys, null, null, rewriteAll);
        } catch (RocksDBException e) {
            log.warn("Could not compact the complaint key store at {} on closing: erased keys may stay on its disk "
                    + "until its periodic compaction", directory, e);
        }
    }

    private void closeOptions() {
        writeOptions.close();
        sameComplaint.close();
        flushOptions.close();
        rewriteAll.close();
        options.close();
        familyOptions.close();
        keysOptions.close();
        filter.close();
        cache.close();
    }

    /** Changes gathered by the follower from one poll; a native batch, so it must be closed. */
    final class Batch implements AutoCloseable {

        private final WriteBatch changes = new WriteBatch();
        private int count;
        /** The first and last keys deleted, in RocksDB's order (unsigned bytes); null when none. */
        private byte @Nullable [] firstDeleted;
        private byte @Nullable [] lastDeleted;

        void put(RecordKey key, byte[] value) {
            apply(() -> changes.put(keys, stored(key), value));
        }

        void delete(RecordKey key) {
            byte[] deleted = stored(key);
            apply(() -> changes.delete(keys, deleted));
            if (firstDeleted == null || Arrays.compareUnsigned(deleted, firstDeleted) < 0) {
                firstDeleted = deleted;
            }
            if (lastDeleted == null || Arrays.compareUnsigned(deleted, lastDeleted) > 0) {
                lastDeleted = deleted;
            }
        }

        void offset(int partition, long offset) {
            apply(() -> changes.put(progress, (OFFSET_PREFIX + partition).getBytes(StandardCharsets.UTF_8),
                    ByteBuffer.allocate(Long.BYTES).putLong(offset).array()));
        }

        void upToDateAt(Instant time) {
            apply(() -> changes.put(progress, UP_TO_DATE_AT,
                    ByteBuffer.allocate(Long.BYTES).putLong(time.toEpochMilli()).array()));
        }

        boolean isEmpty() {
            return count == 0;
        }

        /**
         * Writes the batch; when it deleted keys, also removes their values from the files. A delete only writes a
         * tombstone, and an erased key must not stay readable on the disk: flushing every column family lets RocksDB
         * drop the write-ahead logs that held the value (a log goes once no column family needs it), and compacting
         * the range deleted rewrites the table files that held it, without it. Erasures are rare, so the cost is
         * rare too, though complaint ids are random and the range usually spans most of the (small) store. A failure
         * fails the batch: the follower then reads the records again, tombstones included, and tries again.
         */
        void commit() {
            lock.readLock().lock();
            try {
                ensureOpen();
                db.write(writeOptions, changes);
                if (firstDeleted != null && lastDeleted != null) {
                    erased = true;
                    db.flush(flushOptions, List.of(keys, progress, defaultFamily));
                    db.compactRange(keys, firstDeleted, lastDeleted, rewriteAll);
                }
            } catch (RocksDBException e) {
                throw failure("write", e);
            } finally {
                lock.readLock().unlock();
            }
        }

        /**
         * Under the read lock: the batch names column families by handle, and a {@link #wipe} replaces them. Only
         * the follower both batches and wipes, so a batch never outlives the handles it named.
         */
        private void apply(Change change) {
            lock.readLock().lock();
            try {
                ensureOpen();
                change.apply();
                count++;
            } catch (RocksDBException e) {
                throw failure("batch a change for", e);
            } finally {
                lock.readLock().unlock();
            }
        }

        @Override
        public void close() {
            changes.close();
        }
    }

    private interface Change {
        void apply() throws RocksDBException;
    }
}
