package org.hotline.cases.topology.store;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

/**
 * Kafka Streams' hook into each RocksDB store it opens ({@code rocksdb.config.setter}): points the store at the
 * instance's {@link StoreMemory}. Kafka Streams makes one of these per store by its class name, so the shared
 * budget comes with the configuration rather than from a static field.
 */
public final class BoundedStoreMemory implements RocksDBConfigSetter {

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        if (!(configs.get(StoreMemory.CONFIG_KEY) instanceof StoreMemory memory)) {
            throw new IllegalStateException("No " + StoreMemory.CONFIG_KEY + " in the Kafka Streams configuration: "
                    + "the store " + storeName + " would have unbounded memory");
        }
        memory.applyTo(options);
    }

    /** Nothing of its own to free: the cache and the write-buffer budget are shared, and closed with the service. */
    @Override
    public void close(String storeName, Options options) {
    }
}
