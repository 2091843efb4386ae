package org.hotline.cases.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The settings of a producer whose every send a request waits for: acks=all and idempotent, so that a confirmed
 * record is on every in-sync replica and a retry is not doubled; no transaction; and every wait (for metadata, the
 * broker's answer, the whole delivery) bounded by the request's own timeout, so that it answers in time.
 */
public final class ConfirmedProducers {

    private ConfirmedProducers() {
    }

    /** The service's Kafka client settings, string keys and byte values, with the above. */
    public static Map<String, Object> config(KafkaProperties kafka, Duration timeout) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        int millis = (int) timeout.toMillis();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return config;
    }
}
