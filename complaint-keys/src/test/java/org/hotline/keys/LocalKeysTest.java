package org.hotline.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline.keys.KeyRecordFormat.RecordKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;

class LocalKeysTest {

    private static final String TOPIC = "complaints.keys.v1";
    private static final Duration REBUILD_AFTER = Duration.ofHours(1);

    @TempDir
    Path directory;

    @Test
    void findsEveryKeyOfAComplaintAndNoneOfTheComplaintNextToItOnDisk() {
        // given two complaints whose ids differ in their last bit only, so that their keys are neighbours on disk,
        // the first with a key under the complaint id alone and two under kids
        UUID complaint = new UUID(0x1234L, 0x5678L);
        UUID neighbour = new UUID(0x1234L, 0x5679L);
        try (LocalKeys keys = open()) {
            put(keys, new RecordKey(complaint, null), "legacy");
            put(keys, new RecordKey(complaint, "k1"), "first");
            put(keys, new RecordKey(complaint, "k2"), "second");
            put(keys, new RecordKey(neighbour, null), "neighbour's");

            // when the first complaint's keys are looked up
            List<LocalKeys.Held> held = keys.get(complaint);

            // then each of its three is found under its record key, and not its neighbour's
            assertThat(held).extracting(found -> found.key().text() + "=" + text(found.value()))
                    .containsExactlyInAnyOrder(complaint + "=legacy", complaint + "/k1=first",
                            complaint + "/k2=second");
        }
    }

    @Test
    void deletesExactlyTheRecordKeyATombstoneNames() {
        // given a complaint with a key under the complaint id alone and one under a kid
        UUID complaint = UUID.randomUUID();
        try (LocalKeys keys = open()) {
            put(keys, new RecordKey(complaint, null), "legacy");
            put(keys, new RecordKey(complaint, "k1"), "keyed");

            // when the one under the complaint id alone is deleted
            try (LocalKeys.Batch batch = keys.batch()) {
                batch.delete(new RecordKey(complaint, null));
                batch.commit();
            }

            // then the other is still there
            assertThat(keys.get(complaint)).extracting(found -> found.key().text())
                    .containsExactly(complaint + "/k1");
        }
    }

    @Test
    void answersEveryLookupMadeWhileItIsWipedAgainAndAgain() throws Exception {
        // given a store holding a key, and four threads looking it up without pause
        RecordKey key = new RecordKey(UUID.randomUUID(), "k1");
        try (LocalKeys keys = open()) {
            put(keys, key, "value");
            AtomicBoolean wiping = new AtomicBoolean(true);
            CountDownLatch looking = new CountDownLatch(4);
            ExecutorService finders = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> lookups = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    lookups.add(finders.submit(() -> {
                        int answered = 0;
                        do {
                            // The key or nothing, depending on where the wipe and the put after it are.
                            assertThat(keys.get(key.complaintId())).extracting(found -> text(found.value()))
                                    .isSubsetOf("value");
                            answered++;
                            looking.countDown();
                        } while (wiping.get());
                        return answered;
                    }));
                }
                assertThat(looking.await(10, TimeUnit.SECONDS)).isTrue();

                // when the store is wiped, and the key put again, twenty times meanwhile
                for (int i = 0; i < 20; i++) {
                    keys.wipe();
                    put(keys, key, "value");
                }
                wiping.set(false);

                // then every lookup answered: none used a column family the wipe had freed, which fails or crashes
                // the JVM
                for (Future<Integer> lookup : lookups) {
                    assertThat(lookup.get(10, TimeUnit.SECONDS)).isPositive();
                }
            } finally {
                wiping.set(false);
                finders.shutdownNow();
            }
        }
    }

    @Test
    void rebuildsAStoreWrittenBeforeItsLayoutWasRecorded() throws Exception {
        // given a store of the earlier layout, keys by complaint id in text, up to date with the topic a moment ago
        Instant now = Instant.now();
        UUID complaint = UUID.randomUUID();
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
                RocksDB db = RocksDB.open(options, directory.toString(), List.of(
                        new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY),
                        new ColumnFamilyDescriptor(bytes("keys")),
                        new ColumnFamilyDescriptor(bytes("progress"))), handles)) {
            db.put(handles.get(1), bytes(complaint.toString()), bytes("value"));
            db.put(handles.get(2), bytes("topic"), bytes(TOPIC));
            db.put(handles.get(2), bytes("offset/0"), ByteBuffer.allocate(Long.BYTES).putLong(1).array());
            db.put(handles.get(2), bytes("up-to-date-at"),
                    ByteBuffer.allocate(Long.BYTES).putLong(now.toEpochMilli()).array());
            handles.forEach(ColumnFamilyHandle::close);
        }

        // when it is opened
        try (LocalKeys keys = LocalKeys.open(directory, TOPIC, REBUILD_AFTER, now)) {
            // then it is emptied, to be read again from the beginning: resumed, it would hold keys no lookup finds,
            // with offsets saying that they were read
            assertThat(keys.opened()).isEqualTo(LocalKeys.Opened.REBUILT);
            assertThat(keys.offsets()).isEmpty();
            assertThat(keys.keysHeld()).isZero();
            try (LocalKeys.Batch batch = keys.batch()) {
                batch.upToDateAt(now);
                batch.commit();
            }
        }

        // and once rebuilt, it is resumed the next time
        try (LocalKeys keys = LocalKeys.open(directory, TOPIC, REBUILD_AFTER, now)) {
            assertThat(keys.opened()).isEqualTo(LocalKeys.Opened.RESUMED);
        }
    }

    private LocalKeys open() {
        return LocalKeys.open(directory, TOPIC, REBUILD_AFTER, Instant.now());
    }

    private static void put(LocalKeys keys, RecordKey key, String value) {
        try (LocalKeys.Batch batch = keys.batch()) {
            batch.put(key, bytes(value));
            batch.commit();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
