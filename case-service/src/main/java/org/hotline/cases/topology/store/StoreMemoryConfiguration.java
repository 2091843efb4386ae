package org.hotline.cases.topology.store;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * Gives Kafka Streams the bounded store memory. Kafka Streams stops (a lifecycle phase) before the context destroys
 * its beans, so the stores are closed before their cache is freed.
 */
@Configuration(proxyBeanMethods = false)
class StoreMemoryConfiguration {

    @Bean(destroyMethod = "close")
    StoreMemory storeMemory(StoreMemoryProperties properties, MeterRegistry meters) {
        StoreMemory memory = new StoreMemory(properties.total().toBytes(), properties.writeBuffers().toBytes());
        Gauge.builder("hotline.cases.store.memory", memory, StoreMemory::usage)
                .description("Bytes of the RocksDB stores' shared cache in use, memtables included "
                        + "(bounded by hotline.cases.store-memory.total)")
                .baseUnit("bytes")
                .strongReference(true)
                .register(meters);
        return memory;
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer boundedStoreMemory(StoreMemory memory) {
        return factory -> {
            Properties streams = new Properties();
            streams.putAll(factory.getStreamsConfiguration());
            streams.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedStoreMemory.class);
            streams.put(StoreMemory.CONFIG_KEY, memory);
            factory.setStreamsConfiguration(streams);
        };
    }
}
