package org.hotline.cases.acknowledgement.messaging;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hotline.cases.acknowledgement.application.AcknowledgementPublisher;
import org.hotline.cases.acknowledgement.config.AcknowledgementProperties;
import org.hotline.cases.casefile.config.CaseProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class AcknowledgementMessagingConfiguration {

    /** acks=all and idempotent: a confirmed acknowledgement or answer is on every in-sync replica, and a retry is not doubled. */
    @Bean
    AcknowledgementPublisher acknowledgementPublisher(KafkaProperties kafka, CaseProperties cases,
            AcknowledgementProperties properties, JsonMapper json, Clock clock) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        int timeout = (int) properties.sendTimeout().toMillis();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return new KafkaAcknowledgementPublisher(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config)),
                cases.topics().caseEvents(), json, properties.sendTimeout(), clock);
    }
}
