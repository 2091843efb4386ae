package org.hotline.cases.topology.store;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * One block cache and one write-buffer budget for every RocksDB store of the instance: RocksDB's native memory,
 * which the service owns and frees after Kafka Streams has closed its stores.
 */
final class StoreMemory implements AutoCloseable {

    /**
     * The key under which the instance's budget travels in Kafka Streams' configuration to {@link BoundedStoreMemory}.
     */
    static final String CONFIG_KEY = "hotline.cases.store-memory";

    /** Memtables per store: one being written, one being flushed. */
    private static final int WRITE_BUFFERS_PER_STORE = 2;

    /** A store's memtable is the budget divided by this: about what a store no longer written keeps unflushed. */
    private static final int MEMTABLES_IN_BUDGET = 8;

    private final Cache cache;
    private final WriteBufferManager writeBuffers;
    private final long memtableBytes;
    private boolean closed;

    StoreMemory(long totalBytes, long writeBufferBytes) {
        // Made before Kafka Streams opens a store, which is what would otherwise load the native library.
        RocksDB.loadLibrary();
        // Not strict: a strict cache fails reads and writes when pinned blocks fill it; a little over is better.
        // The high-priority pool keeps index and filter blocks cached ahead of data blocks.
        this.cache = new LRUCache(totalBytes, -1, false, 0.1);
        // Not stalling. Past the budget RocksDB flushes only the store being written, and with stalling every write
        // of every store would then wait until memory came back; memtables of stores no longer written (a task
        // restored, a store written once in a while) never come back, so the writes waited for ever. Kafka Streams'
        // restore of one changelog after another did that (BoundedStoreMemoryTest, docs/case.md). Each store's
        // memtables are small instead: what a store keeps unflushed is about an eighth of the budget, and RocksDB
        // holds a store's writes while both its memtables are full until its own flush ends.
        this.writeBuffers = new WriteBufferManager(writeBufferBytes, cache, false);
        this.memtableBytes = writeBufferBytes / MEMTABLES_IN_BUDGET;
    }

    /**
     * Points one store's options at the shared budget (called by Kafka Streams for each store it opens).
     *
     * @throws IllegalStateException once freed: a store opened then would point at freed native memory
     */
    synchronized void applyTo(Options options) {
        if (closed) {
            throw new IllegalStateException("the stores' memory was freed with the service; no store may open now");
        }
        // Kafka Streams hands over its own block-based table settings (filters, block size); keep them.
        BlockBasedTableConfig table = options.tableFormatConfig() instanceof BlockBasedTableConfig streams
                ? streams : new BlockBasedTableConfig();
        table.setBlockCache(cache);
        // Index and filter blocks in the cache, so they count against it instead of growing beside it.
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(writeBuffers);
        options.setWriteBufferSize(memtableBytes);
        options.setMaxWriteBufferNumber(WRITE_BUFFERS_PER_STORE);
    }

    /** Bytes the cache holds now, memtables included; 0 once freed (a scrape may come during shutdown). */
    synchronized long usage() {
        return closed ? 0 : cache.getUsage();
    }

    @Override
    public synchronized void close() {
        closed = true;
        writeBuffers.close();
        cache.close();
    }
}
