package org.hotline.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hotline.testsupport.Brokers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

class ComplaintKeyStoreIT {

    // One topic per test, so that no test reads another's keys.
    private static final String FOUND = "keys.found";
    private static final String AT_ONCE = "keys.at-once";
    private static final String ERASED = "keys.erased";
    private static final String ABORTED = "keys.aborted";
    private static final String RESTARTED = "keys.restarted";
    private static final String UNKNOWN = "keys.unknown";
    private static final String MALFORMED = "keys.malformed";
    private static final String OFFLINE = "keys.offline";
    private static final String CONCURRENT = "keys.concurrent";
    private static final String GROWN = "keys.grown";
    private static final String PUBLISHED_TWICE = "keys.published-twice";
    private static final String LEGACY = "keys.legacy";
    private static final String SHREDDED = "keys.shredded";
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REBUILD_AFTER = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static EmbeddedKafkaKraftBroker broker;
    private static KafkaProducer<String, byte[]> producer;

    @TempDir
    Path directory;

    @BeforeAll
    static void startBroker() {
        broker = Brokers.start(3, FOUND, AT_ONCE, ERASED, ABORTED, RESTARTED, UNKNOWN, MALFORMED, OFFLINE, CONCURRENT,
                GROWN, PUBLISHED_TWICE, LEGACY, SHREDDED);
        // Transactional, as intake writes a key in the transaction of the complaint's first event.
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "complaint-keys-test"),
                new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    @AfterAll
    static void stopBroker() {
        producer.close();
        broker.destroy();
    }

    @Test
    void findsAKeyWrittenBeforeItStartedAndOneWrittenAMomentAgo() {
        // given a key written before the store starts
        Written before = Written.random();
        commit(before.record(FOUND));
        try (ComplaintKeyStore store = start(FOUND)) {
            // when another is written while it runs, and both are looked up at once
            Written justNow = Written.random();
            commit(justNow.record(FOUND));

            // then both are found: a key the store does not hold yet is read from the topic before it answers
            assertThat(store.find(justNow.complaintId())).containsExactly(justNow.wrapped());
            assertThat(store.find(before.complaintId())).containsExactly(before.wrapped());
            assertThat(store.caughtUp()).isTrue();
            assertThat(store.keysHeld()).isEqualTo(2);
        }
    }

    @Test
    void findsEveryKeyTheMomentItsTransactionCommitted() {
        // given a running store, and the Kafka client's log captured
        ListAppender<ILoggingEvent> kafkaLogged = new ListAppender<>();
        Logger kafkaLog = (Logger) LoggerFactory.getLogger("org.apache.kafka");
        kafkaLogged.start();
        kafkaLog.addAppender(kafkaLogged);
        try (ComplaintKeyStore store = start(AT_ONCE)) {
            for (int i = 0; i < 30; i++) {
                // when a key is committed and looked up at once, thirty times
                Written written = Written.random();
                commit(written.record(AT_ONCE));

                // then it is found each time, though the commit returns before the transaction's markers are
                // written: the catch-up reads up to the high watermark, past the last stable offset of the moment
                assertThat(store.find(written.complaintId())).as("key %d", i).containsExactly(written.wrapped());
            }
        } finally {
            kafkaLog.detachAppender(kafkaLogged);
        }
        // and its thirty catch-ups left no warning in the log (the client warned of each partition of an end-offsets
        // answer its consumer was not assigned: three per catch-up, an operator's false alarm)
        assertThat(kafkaLogged.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    @Test
    void findsBothKeysOfAComplaintPublishedTwiceAndKeepsOneWhenTheOtherIsErased() {
        // given a complaint published twice, each time with a data key of its own under a kid of its own, read by a
        // store
        Written first = Written.random();
        Written second = first.publishedAgain();
        commit(first.record(PUBLISHED_TWICE));
        commit(second.record(PUBLISHED_TWICE));
        try (ComplaintKeyStore store = start(PUBLISHED_TWICE)) {
            await().atMost(Duration.ofSeconds(10)).until(store::caughtUp);

            // when the complaint is looked up
            List<WrappedKey> found = store.find(first.complaintId());

            // then both keys are found, each under its record key
            assertThat(found).containsExactlyInAnyOrder(first.wrapped(), second.wrapped());

            // and when the first is erased, then the second is still found
            commit(tombstone(PUBLISHED_TWICE, first.recordKey()));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(store.find(first.complaintId())).containsExactly(second.wrapped()));
        }
    }

    @Test
    void findsUpToDateAKeyOfAComplaintWrittenAMomentAgoBesideOneItAlreadyHeld() {
        // given a store that holds a complaint's first key
        Written first = Written.random();
        commit(first.record(PUBLISHED_TWICE));
        try (ComplaintKeyStore store = start(PUBLISHED_TWICE)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !store.find(first.complaintId()).isEmpty());

            // when the complaint is published again, and at once looked up to date
            Written second = first.publishedAgain();
            commit(second.record(PUBLISHED_TWICE));
            List<WrappedKey> found = store.findUpToDate(first.complaintId());

            // then the new key is found too, with no wait of the test's own
            assertThat(found).containsExactlyInAnyOrder(first.wrapped(), second.wrapped());
        }
    }

    @Test
    void stillReadsAKeyUnderTheComplaintIdAloneAsWrittenBeforeKids() {
        // given a complaint whose key was written under the complaint id alone, and a key of it under a kid since
        Written legacy = Written.legacy();
        Written keyed = legacy.publishedAgain();
        commit(legacy.record(LEGACY), keyed.record(LEGACY));
        try (ComplaintKeyStore store = start(LEGACY)) {
            await().atMost(Duration.ofSeconds(10)).until(store::caughtUp);

            // when the complaint is looked up
            List<WrappedKey> found = store.find(legacy.complaintId());

            // then both are found, the first under the complaint id alone
            assertThat(found).containsExactlyInAnyOrder(legacy.wrapped(), keyed.wrapped());
            assertThat(legacy.wrapped().recordKey()).isEqualTo(legacy.complaintId().toString());

            // and when the tombstone of the complaint id alone is read, then that key goes, not the other
            commit(tombstone(LEGACY, legacy.recordKey()));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(store.find(legacy.complaintId())).containsExactly(keyed.wrapped()));
        }
    }

    @Test
    void findsNothingForAnErasedComplaintAndStillFindsTheOthers() {
        // given two complaints' keys, the first of them found by a running store
        Written erased = Written.random();
        Written kept = Written.random();
        commit(erased.record(ERASED), kept.record(ERASED));
        try (ComplaintKeyStore store = start(ERASED)) {
            assertThat(store.find(erased.complaintId())).containsExactly(erased.wrapped());

            // when the first is erased
            commit(tombstone(ERASED, erased.recordKey()));

            // then the store drops it as soon as it reads the tombstone, and keeps the other
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(store.find(erased.complaintId())).isEmpty());
            assertThat(store.find(kept.complaintId())).containsExactly(kept.wrapped());
        }
        // and a store that starts afterwards never finds it
        try (ComplaintKeyStore later = start(ERASED, directory.resolve("later"))) {
            assertThat(later.find(erased.complaintId())).isEmpty();
            assertThat(later.find(kept.complaintId())).containsExactly(kept.wrapped());
        }
    }

    @Test
    void leavesNoTraceOfErasedKeysInTheStoresFiles() throws Exception {
        // given two keys that a store read, then holds in its table files (RocksDB moves there what its write-ahead
        // log held when it is opened again), and one it read since, held in its write-ahead log only
        Written inTables = Written.random();
        Written kept = Written.random();
        commit(inTables.record(SHREDDED), kept.record(SHREDDED));
        try (ComplaintKeyStore store = start(SHREDDED)) {
            assertThat(store.find(inTables.complaintId())).containsExactly(inTables.wrapped());
        }
        try (ComplaintKeyStore store = start(SHREDDED)) {
            Written inLog = Written.random();
            commit(inLog.record(SHREDDED));
            assertThat(store.find(inLog.complaintId())).containsExactly(inLog.wrapped());
            assertThat(piecesOnDisk(inTables)).isNotEmpty();
            assertThat(piecesOnDisk(inLog)).isNotEmpty();

            // when the first and the last are erased, and the store stopped once it no longer finds them
            commit(tombstone(SHREDDED, inTables.recordKey()), tombstone(SHREDDED, inLog.recordKey()));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(store.find(inTables.complaintId())).isEmpty();
                assertThat(store.find(inLog.complaintId())).isEmpty();
            });

            // then no file of the store holds any piece of their values, while the other's is still there
            store.close();
            assertThat(piecesOnDisk(inTables)).isEmpty();
            assertThat(piecesOnDisk(inLog)).isEmpty();
            assertThat(piecesOnDisk(kept)).isNotEmpty();
            // and RocksDB, opened afresh on the directory, holds them in none of its column families
            assertThat(valuesOnDisk()).noneMatch(value -> value.contains(inTables.wrapped().ciphertext())
                            || value.contains(inLog.wrapped().ciphertext()))
                    .anyMatch(value -> value.contains(kept.wrapped().ciphertext()));
        }
    }

    @Test
    void neverFindsAKeyWrittenInAnAbortedTransaction() throws Exception {
        // given a key in an aborted transaction (sent to the broker first, so that it is on the topic), and after it
        // on the same partition a committed one
        Written aborted = Written.random();
        Written committed = Written.random();
        producer.beginTransaction();
        producer.send(aborted.record(ABORTED, 0)).get();
        producer.abortTransaction();
        commit(committed.record(ABORTED, 0));
        assertThat(Brokers.readUncommitted(broker, ABORTED)).extracting(ConsumerRecord::key)
                .contains(aborted.recordKey());

        try (ComplaintKeyStore store = start(ABORTED)) {
            // when both are looked up
            List<WrappedKey> foundCommitted = store.find(committed.complaintId());
            List<WrappedKey> foundAborted = store.find(aborted.complaintId());

            // then only the committed key is found, though the store read past the other
            assertThat(foundCommitted).containsExactly(committed.wrapped());
            assertThat(foundAborted).isEmpty();
        }
    }

    @Test
    void resumesFromTheOffsetsItStoredAndRebuildsAStoreOlderThanRebuildAfter() {
        // given a store that read a malformed record and a key, then stopped
        Written first = Written.random();
        commit(new ProducerRecord<>(RESTARTED, 0, UUID.randomUUID().toString(), bytes("not json")),
                first.record(RESTARTED, 0));
        MovableClock clock = new MovableClock();
        try (ComplaintKeyStore store = start(RESTARTED, clock)) {
            await().atMost(Duration.ofSeconds(10)).until(store::caughtUp);
            assertThat(store.skippedRecords()).isOne();
        }
        Written whileStopped = Written.random();
        commit(whileStopped.record(RESTARTED, 0));

        // when it starts again on the same directory
        try (ComplaintKeyStore store = start(RESTARTED, clock)) {
            // then it goes on from where it stopped: it reads the key written meanwhile, not the malformed record
            assertThat(store.find(whileStopped.complaintId())).containsExactly(whileStopped.wrapped());
            assertThat(store.find(first.complaintId())).containsExactly(first.wrapped());
            assertThat(store.skippedRecords()).isZero();
        }

        // and when it starts again after longer than rebuildAfter
        clock.moveForward(REBUILD_AFTER.plusMinutes(1));
        try (ComplaintKeyStore store = start(RESTARTED, clock)) {
            // then it reads the whole topic again, the malformed record included
            await().atMost(Duration.ofSeconds(10)).until(store::caughtUp);
            assertThat(store.skippedRecords()).isOne();
            assertThat(store.find(first.complaintId())).containsExactly(first.wrapped());
            assertThat(store.find(whileStopped.complaintId())).containsExactly(whileStopped.wrapped());
        }
    }

    @Test
    void findsNothingForAComplaintNeverWrittenWhileTheBrokerIsUp() {
        // given a topic holding one key
        Written written = Written.random();
        commit(written.record(UNKNOWN));
        try (ComplaintKeyStore store = start(UNKNOWN)) {
            // when a complaint never written is looked up
            List<WrappedKey> found = store.find(UUID.randomUUID());

            // then there is no key, and no failure
            assertThat(found).isEmpty();
            assertThat(store.find(written.complaintId())).containsExactly(written.wrapped());
        }
    }

    @Test
    void failsWithKeysUnavailableOnceClosed() {
        // given a store that was closed
        ComplaintKeyStore store = start(UNKNOWN);
        store.close();

        // when a complaint is looked up
        // then it fails as the callers expect a lookup to fail, not with the store's own error
        assertThatThrownBy(() -> store.find(UUID.randomUUID()))
                .isInstanceOf(KeysUnavailableException.class)
                .hasRootCauseMessage("the complaint key store at " + directory + " is closed");
    }

    @Test
    void failsWithKeysUnavailableWithinTheTimeoutWhenTheBrokerIsOutOfReach() throws IOException {
        // given a store whose bootstrap server is a closed port
        Duration timeout = Duration.ofSeconds(1);
        try (ComplaintKeyStore store = start(UNKNOWN, "127.0.0.1:" + closedPort(), directory, Clock.systemUTC(),
                timeout)) {
            // when a complaint is looked up
            long started = System.nanoTime();

            // then it fails, as not knowing, not as an erasure, once the timeout is over
            assertThatThrownBy(() -> store.find(UUID.randomUUID()))
                    .isInstanceOf(KeysUnavailableException.class)
                    .hasMessageContaining("could not be read up to date within PT1S");
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isBetween(timeout.minusMillis(100), timeout.plusSeconds(2));
            assertThat(store.caughtUp()).isFalse();
        }
    }

    @Test
    void skipsAndCountsMalformedRecordsAppliesTheNextGoodRecordAndNeverTakesAnUnreadableKeyForNoKey() {
        // given seven malformed records, then a good one, on one partition; the seventh the only record of its
        // complaint, in a format a newer intake might write
        Written good = Written.random();
        Written misfiled = Written.random();
        Written newer = Written.random();
        String notJson = "{\"schemaVersion\":1,\"complaintId\":";
        commit(new ProducerRecord<>(MALFORMED, 0, UUID.randomUUID().toString(), bytes(notJson)),
                new ProducerRecord<>(MALFORMED, 0, good.recordKey(),
                        bytes(good.json().replace("\"schemaVersion\":1", "\"schemaVersion\":2"))),
                new ProducerRecord<>(MALFORMED, 0, UUID.randomUUID().toString(), misfiled.value()),
                new ProducerRecord<>(MALFORMED, 0, good.recordKey(), bytes(good.json().replace("\"iv\"", "\"nonce\""))),
                new ProducerRecord<>(MALFORMED, 0, good.complaintId() + "/kid.1", good.value()),
                new ProducerRecord<>(MALFORMED, 0, good.complaintId().toString().toUpperCase(), null),
                new ProducerRecord<>(MALFORMED, 0, newer.recordKey(),
                        bytes(newer.json().replace("\"schemaVersion\":1", "\"schemaVersion\":2"))),
                good.record(MALFORMED, 0));
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger followerLog = (Logger) LoggerFactory.getLogger(KeyFollower.class);
        logged.start();
        followerLog.addAppender(logged);
        try (ComplaintKeyStore store = start(MALFORMED)) {
            // when the store has read them
            await().atMost(Duration.ofSeconds(10)).until(store::caughtUp);

            // then the seven are counted and the good record after them is stored
            assertThat(store.skippedRecords()).isEqualTo(7);
            assertThat(store.find(good.complaintId())).containsExactly(good.wrapped());
            assertThat(store.find(misfiled.complaintId())).isEmpty();
            // and the complaint whose key cannot be read is unavailable, not a complaint with no key (erased)
            assertThatThrownBy(() -> store.find(newer.complaintId())).isInstanceOf(KeysUnavailableException.class);
        } finally {
            followerLog.detachAppender(logged);
        }
        // and each is logged by its partition and offset, none with what it held
        List<String> warnings = new ArrayList<>();
        synchronized (logged) {
            logged.list.forEach(event -> warnings.add(event.getFormattedMessage()));
        }
        String kept = "; kept, so that the complaint's lookups fail instead of finding no key";
        assertThat(warnings).filteredOn(warning -> warning.startsWith("Skipped")).containsExactly(
                "Skipped the record at keys.malformed-0 offset 0: not JSON" + kept,
                "Skipped the record at keys.malformed-0 offset 1: schemaVersion is not 1" + kept,
                "Skipped the record at keys.malformed-0 offset 2: complaintId differs from the record key" + kept,
                "Skipped the record at keys.malformed-0 offset 3: wrapped.iv is missing or not a non-empty string"
                        + kept,
                "Skipped the record at keys.malformed-0 offset 4: the record key's kid is not 1 to 64 of"
                        + " A-Z a-z 0-9 _ -",
                "Skipped the record at keys.malformed-0 offset 5: the record key's complaint id is not a"
                        + " lowercase UUID",
                "Skipped the record at keys.malformed-0 offset 6: schemaVersion is not 1" + kept);
        assertThat(String.join("\n", warnings)).doesNotContain(good.wrapped().ciphertext(),
                misfiled.wrapped().ciphertext(), misfiled.complaintId().toString());
    }

    @Test
    void servesTheKeysItHoldsWhileTheBrokerIsOutOfReachUntilTheyAreOlderThanRebuildAfter() throws IOException {
        // given a store that read a key, then stopped
        Written held = Written.random();
        commit(held.record(OFFLINE));
        MovableClock clock = new MovableClock();
        try (ComplaintKeyStore store = start(OFFLINE, clock)) {
            assertThat(store.find(held.complaintId())).containsExactly(held.wrapped());
            await().atMost(Duration.ofSeconds(10)).until(store::caughtUp);
        }
        try (ComplaintKeyStore store = start(OFFLINE, "127.0.0.1:" + closedPort(), directory, clock,
                Duration.ofMillis(500))) {
            // when it starts again with the broker out of reach
            List<WrappedKey> found = store.find(held.complaintId());

            // then it answers from what it holds
            assertThat(found).containsExactly(held.wrapped());

            // and when it stays out of reach for longer than rebuildAfter, the store is emptied, as it may hold keys
            // erased meanwhile, and the key can no longer be told
            clock.moveForward(REBUILD_AFTER.plusMinutes(1));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThatThrownBy(() -> store.find(held.complaintId()))
                            .isInstanceOf(KeysUnavailableException.class));
        }
    }

    @Test
    void answersManyFindersAtOnce() throws Exception {
        // given eight keys written a moment ago
        try (ComplaintKeyStore store = start(CONCURRENT)) {
            List<Written> written = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                written.add(Written.random());
            }
            commit(written.stream().map(key -> key.record(CONCURRENT)).toList());

            // when eight threads look them up at the same time
            ExecutorService finders = Executors.newFixedThreadPool(written.size());
            List<Future<List<WrappedKey>>> answers;
            try {
                answers = finders.invokeAll(written.stream()
                        .map(key -> (Callable<List<WrappedKey>>) () -> store.find(key.complaintId()))
                        .toList());
            } finally {
                finders.shutdown();
            }

            // then each finds its own key
            for (int i = 0; i < written.size(); i++) {
                assertThat(answers.get(i).get()).containsExactly(written.get(i).wrapped());
            }
        }
    }

    @Test
    void findsAKeyInAPartitionAddedToTheTopicAMomentAgo() throws Exception {
        // given a store following a topic of three partitions, whose consumers would refresh their metadata, where
        // partitions added show, only ten minutes later
        Written first = Written.random();
        commit(first.record(GROWN, 0));
        try (ComplaintKeyStore store = ComplaintKeyStore.start(new ComplaintKeyStore.Settings(Map.of(
                "bootstrap.servers", broker.getBrokersAsString(), "metadata.max.age.ms", "600000"), GROWN, directory,
                CATCH_UP_TIMEOUT, REBUILD_AFTER));
                Admin admin = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
            assertThat(store.find(first.complaintId())).containsExactly(first.wrapped());

            // when a fourth partition is added and a key written to it
            admin.createPartitions(Map.of(GROWN, NewPartitions.increaseTo(4))).all().get(30, TimeUnit.SECONDS);
            Written inTheNewPartition = Written.random();
            commit(inTheNewPartition.record(GROWN, 3));

            // then a lookup made at once finds it: its catch-up asks the broker for the partitions first
            assertThat(store.find(inTheNewPartition.complaintId())).containsExactly(inTheNewPartition.wrapped());
        }
    }

    private ComplaintKeyStore start(String topic) {
        return start(topic, directory);
    }

    private ComplaintKeyStore start(String topic, Path storeDirectory) {
        return start(topic, broker.getBrokersAsString(), storeDirectory, Clock.systemUTC(), CATCH_UP_TIMEOUT);
    }

    private ComplaintKeyStore start(String topic, Clock clock) {
        return start(topic, broker.getBrokersAsString(), directory, clock, CATCH_UP_TIMEOUT);
    }

    private static ComplaintKeyStore start(String topic, String bootstrapServers, Path storeDirectory, Clock clock,
            Duration catchUpTimeout) {
        return ComplaintKeyStore.start(new ComplaintKeyStore.Settings(Map.of("bootstrap.servers", bootstrapServers),
                topic, storeDirectory, catchUpTimeout, REBUILD_AFTER), clock);
    }

    /**
     * The pieces of {@code written}'s ciphertext found in the store's files, read as raw bytes: the write-ahead logs,
     * the table files and the rest. In pieces, as a table file's blocks may be compressed: a random piece of twelve
     * characters is kept as it is, but a chance repetition elsewhere may replace a few characters of a long text.
     */
    private List<String> piecesOnDisk(Written written) throws IOException {
        String ciphertext = written.wrapped().ciphertext();
        List<String> pieces = new ArrayList<>();
        for (int start = 0; start + 12 <= ciphertext.length(); start += 12) {
            pieces.add(ciphertext.substring(start, start + 12));
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).flatMap(file -> {
                String content = new String(read(file), StandardCharsets.ISO_8859_1);
                return pieces.stream().filter(content::contains).map(piece -> file.getFileName() + ": " + piece);
            }).toList();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every value in every column family of the store in {@link #directory}, opened read-only. */
    private List<String> valuesOnDisk() throws RocksDBException {
        List<ColumnFamilyDescriptor> families = new ArrayList<>();
        try (Options options = new Options()) {
            RocksDB.listColumnFamilies(options, directory.toString())
                    .forEach(name -> families.add(new ColumnFamilyDescriptor(name)));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (DBOptions options = new DBOptions();
                RocksDB db = RocksDB.openReadOnly(options, directory.toString(), families, handles)) {
            for (ColumnFamilyHandle family : handles) {
                try (RocksIterator entries = db.newIterator(family)) {
                    for (entries.seekToFirst(); entries.isValid(); entries.next()) {
                        values.add(new String(entries.value(), StandardCharsets.ISO_8859_1));
                    }
                }
                family.close();
            }
        }
        return values;
    }

    @SafeVarargs
    private static void commit(ProducerRecord<String, byte[]>... records) {
        commit(List.of(records));
    }

    private static void commit(List<ProducerRecord<String, byte[]>> records) {
        producer.beginTransaction();
        for (ProducerRecord<String, byte[]> record : records) {
            producer.send(record);
        }
        producer.commitTransaction();
    }

    private static ProducerRecord<String, byte[]> tombstone(String topic, String recordKey) {
        return new ProducerRecord<>(topic, recordKey, null);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One data key of a complaint as intake writes it, under {@code <complaintId>/<kid>} with a random kid (or, as
     * before kids, the complaint id alone): a random nonce and ciphertext stand for a wrapped data key.
     */
    private record Written(UUID complaintId, WrappedKey wrapped) {

        static Written random() {
            return of(UUID.randomUUID(), randomKid());
        }

        static Written legacy() {
            return of(UUID.randomUUID(), null);
        }

        /** The same complaint published again: a new data key, under a new kid. */
        Written publishedAgain() {
            return of(complaintId, randomKid());
        }

        private static Written of(UUID complaintId, @Nullable String kid) {
            String recordKey = kid == null ? complaintId.toString() : complaintId + "/" + kid;
            return new Written(complaintId, new WrappedKey(recordKey, "service-2025-01", "A256GCM", randomBase64(12),
                    randomBase64(48)));
        }

        String recordKey() {
            return wrapped.recordKey();
        }

        String json() {
            return "{\"schemaVersion\":1,\"complaintId\":\"" + complaintId + "\",\"createdAt\":\"" + Instant.now()
                    + "\",\"wrapped\":{\"keyId\":\"" + wrapped.keyId() + "\",\"algorithm\":\"" + wrapped.algorithm()
                    + "\",\"iv\":\"" + wrapped.iv() + "\",\"ciphertext\":\"" + wrapped.ciphertext() + "\"}}";
        }

        byte[] value() {
            return bytes(json());
        }

        ProducerRecord<String, byte[]> record(String topic) {
            return new ProducerRecord<>(topic, recordKey(), value());
        }

        ProducerRecord<String, byte[]> record(String topic, int partition) {
            return new ProducerRecord<>(topic, partition, recordKey(), value());
        }

        /** As intake draws one: nine random bytes in URL-safe base64, twelve characters of [A-Za-z0-9_-]. */
        private static String randomKid() {
            byte[] random = new byte[9];
            RANDOM.nextBytes(random);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }

        private static String randomBase64(int length) {
            byte[] random = new byte[length];
            RANDOM.nextBytes(random);
            return Base64.getEncoder().encodeToString(random);
        }
    }
}
