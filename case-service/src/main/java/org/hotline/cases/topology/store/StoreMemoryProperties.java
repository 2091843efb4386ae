package org.hotline.cases.topology.store;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The off-heap memory of the RocksDB stores ({@code hotline.cases.store-memory.*}), on top of the heap. The
 * container's limit must hold the heap, this, and the JVM's own (about 150 MiB of metaspace, threads and buffers).
 *
 * @param total the block cache every store of the instance shares: the data and index blocks read, and the
 *     memtables, which are counted in it. Reads of a case file that is not cached go to disk (the page cache), so a
 *     small budget costs latency on the status page, never correctness
 * @param writeBuffers the part of {@code total} that memtables (writes not yet flushed to disk) may take before
 *     RocksDB flushes them; at most half of {@code total}. Each store's memtables are an eighth of it
 */
@Validated
@ConfigurationProperties("hotline.cases.store-memory")
public record StoreMemoryProperties(
        @DefaultValue("32MB") @NotNull DataSize total,
        @DefaultValue("16MB") @NotNull DataSize writeBuffers) {

    public StoreMemoryProperties {
        if (total.toBytes() < DataSize.ofMegabytes(8).toBytes()) {
            throw new IllegalArgumentException("hotline.cases.store-memory.total must be at least 8MB, not " + total);
        }
        if (writeBuffers.toBytes() <= 0 || writeBuffers.toBytes() * 2 > total.toBytes()) {
            throw new IllegalArgumentException("hotline.cases.store-memory.write-buffers must be more than 0 and at "
                    + "most half of total (" + total + "), not " + writeBuffers);
        }
    }
}
