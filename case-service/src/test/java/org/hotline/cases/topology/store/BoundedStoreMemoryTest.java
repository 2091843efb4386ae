package org.hotline.cases.topology.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.springframework.util.unit.DataSize;

class BoundedStoreMemoryTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path folder;

    @Test
    void storesWrittenFarBeyondTheBudgetKeepTheirMemtablesAndCacheWithinIt() throws RocksDBException {
        // given three stores sharing a budget of 16 MiB, 4 MiB of it for memtables
        try (StoreMemory memory = new StoreMemory(16 * MIB, 4 * MIB)) {
            List<Options> options = new ArrayList<>();
            List<RocksDB> stores = new ArrayList<>();
            try {
                for (int store = 0; store < 3; store++) {
                    Options storeOptions = new Options().setCreateIfMissing(true);
                    options.add(storeOptions);
                    stores.add(open("store-" + store, storeOptions, memory));
                }

                // when 30 MiB go into each, as case files do in a burst, and are read back
                byte[] value = "x".repeat(1024).getBytes(StandardCharsets.UTF_8);
                long memtablesAtMost = 0;
                for (int i = 0; i < 30 * 1024; i++) {
                    byte[] key = ("case-" + i).getBytes(StandardCharsets.UTF_8);
                    for (RocksDB store : stores) {
                        store.put(key, value);
                    }
                    if (i % 1024 == 0) {
                        long memtables = 0;
                        for (RocksDB store : stores) {
                            memtables += store.getLongProperty("rocksdb.cur-size-all-mem-tables");
                        }
                        memtablesAtMost = Math.max(memtablesAtMost, memtables);
                    }
                }
                for (int i = 0; i < 30 * 1024; i += 7) {
                    assertThat(stores.get(i % 3).get(("case-" + i).getBytes(StandardCharsets.UTF_8))).isEqualTo(value);
                }

                // then the memtables of all three stayed within their 4 MiB, where each store alone would keep up to
                // 64 MiB (together about 90 MiB here). Each store's memtables are an eighth of the budget, and RocksDB
                // holds a store's writes while both are full until its own flush ends, so a busy machine cannot run
                // the writes ahead of the flushes: 2.6 MiB on a quiet machine, 2.2 MiB with two cores busy (with the
                // stores' own 64 MiB memtables they reached 6 and 17 MiB; with writes stalled past the budget, 3 MiB).
                assertThat(memtablesAtMost).isLessThan(8 * MIB);
                assertThat(memory.usage()).isLessThan(18 * MIB).isPositive();
            } finally {
                stores.forEach(RocksDB::close);
                options.forEach(Options::close);
            }
        }
    }

    @Test
    void storesRestoredOneAfterAnotherNeverWaitForMemtablesThatNoWriteWillFlush() throws Exception {
        // given six stores sharing a budget of 16 MiB, 4 MiB of it for memtables, opened as Kafka Streams opens its
        // stores (16 MiB memtables of their own)
        try (StoreMemory memory = new StoreMemory(16 * MIB, 4 * MIB)) {
            List<Options> options = new ArrayList<>();
            List<RocksDB> stores = new ArrayList<>();
            ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "restore");
                thread.setDaemon(true);
                return thread;
            });
            boolean wedged = false;
            try {
                for (int store = 0; store < 6; store++) {
                    Options storeOptions = new Options().setCreateIfMissing(true).setWriteBufferSize(16 * MIB);
                    options.add(storeOptions);
                    stores.add(open("store-" + store, storeOptions, memory));
                }

                // when each takes a batch of about 1 MiB and is then left alone, as Kafka Streams' state updater
                // restores one changelog partition after another, each ending with a batch of its records
                byte[] value = "x".repeat(1024).getBytes(StandardCharsets.UTF_8);
                for (int store = 0; store < stores.size(); store++) {
                    RocksDB target = stores.get(store);
                    int number = store;
                    Future<?> restored = writer.submit(() -> {
                        try (WriteBatch batch = new WriteBatch(); WriteOptions write = new WriteOptions()) {
                            for (int i = 0; i < 1000; i++) {
                                batch.put(("case-" + number + "-" + i).getBytes(StandardCharsets.UTF_8), value);
                            }
                            target.write(write, batch);
                        }
                        return null;
                    });

                    // then every batch is written: no store waits for memory that only the others' flushes, which
                    // no write of theirs will start, could give back
                    try {
                        restored.get(30, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        wedged = true;
                        throw new AssertionError("store-" + store + "'s batch still waits after 30 s, memtables "
                                + memory.usage() + " bytes in the cache", e);
                    }
                }
            } finally {
                writer.shutdownNow();
                if (!wedged) {
                    stores.forEach(RocksDB::close);
                    options.forEach(Options::close);
                }
            }
        }
    }

    /** Opens a store in the test's folder as Kafka Streams does: {@code options} pointed at the shared budget. */
    private RocksDB open(String name, Options options, StoreMemory memory) throws RocksDBException {
        new BoundedStoreMemory().setConfig(name, options, Map.of(StoreMemory.CONFIG_KEY, memory));
        return RocksDB.open(options, folder.resolve(name).toString());
    }

    @Test
    void aStoreOpenedWithoutTheBudgetIsRefusedRatherThanLeftUnbounded() {
        try (Options options = new Options()) {
            assertThatThrownBy(() -> new BoundedStoreMemory().setConfig("case-files", options, Map.of()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("case-files");
        }
    }

    @Test
    void aBudgetWhoseMemtablesWouldTakeMoreThanHalfIsRefusedAtStart() {
        assertThatThrownBy(() -> new StoreMemoryProperties(DataSize.ofMegabytes(64), DataSize.ofMegabytes(40)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("write-buffers");
        assertThatThrownBy(() -> new StoreMemoryProperties(DataSize.ofMegabytes(4), DataSize.ofMegabytes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 8MB");
    }
}
