package org.hotline.notification.dispatch.messaging;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.hotline.notification.dispatch.config.NotificationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The settings every Kafka client of this service shares, on top of Boot's {@code spring.kafka.*} (so that the
 * cluster's security settings reach all of them): byte-array records, acks=all and idempotence for producers,
 * read_committed for consumers.
 */
final class KafkaClients {

    /** Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms; both are set from sendTimeout. */
    static final int LINGER_MS = 1;

    private static final int BATCH_BYTES = 256 * 1024;

    private KafkaClients() {
    }

    /**
     * Sent-markers: acks=all, idempotent, no transaction, sent without waiting; each waits up to {@code lingerMs} for
     * the next so that a batch's markers share a request.
     */
    static KafkaProducer<byte[], byte[]> markerProducer(KafkaProperties kafka, int timeout, int lingerMs) {
        Map<String, Object> config = producerConfig(kafka);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout + lingerMs);
        return new KafkaProducer<>(config);
    }

    static KafkaTemplate<byte[], byte[]> deadLetterTemplate(KafkaProperties kafka,
            NotificationProperties properties) {
        Map<String, Object> config = producerConfig(kafka);
        int timeout = (int) properties.kafka().sendTimeout().toMillis();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout + LINGER_MS);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    static Map<String, Object> producerConfig(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        // A produce request carries at most one batch per partition: 256 KiB holds a whole transaction's share
        // of a partition, where the default 16 KiB took several round trips (as measured for intake and routing).
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return config;
    }

    static Map<String, Object> consumerConfig(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // Routing and this service's ledger write in transactions: never read records of aborted ones.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return config;
    }
}
