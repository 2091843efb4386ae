package org.hotline.cases.topology.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
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
                    new BoundedStoreMemory().setConfig("store-" + store, storeOptions,
                            Map.of(StoreMemory.CONFIG_KEY, memory));
                    options.add(storeOptions);
                    stores.add(RocksDB.open(storeOptions, folder.resolve("store-" + store).toString()));
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

                // then the memtables of all three stayed near their 4 MiB, where each store alone would keep up to
                // 64 MiB (together about 90 MiB here). RocksDB flushes once they pass the budget, in the background;
                // writes past it wait for the flush, so a busy machine cannot run them ahead of it (without the stall
                // they reached 6 MiB on a quiet machine and 17 MiB on a busy one; with it, 3 MiB on both).
                assertThat(memtablesAtMost).isLessThan(8 * MIB);
                assertThat(memory.usage()).isLessThan(18 * MIB).isPositive();
            } finally {
                stores.forEach(RocksDB::close);
                options.forEach(Options::close);
            }
        }
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
