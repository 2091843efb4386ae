package org.hotline.routing.audit.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.hotline.web.audit.AuditTrail;
import org.hotline.web.audit.KafkaAuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit trail; the security chain (SecurityConfiguration) feeds it the staff and admin endpoints. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /**
     * Its own producer, outside the binder's transactions: an audit event is one record written when a request
     * is answered, with no poll to commit with. spring.kafka.* (SASL, TLS) applies as to every client here; the
     * brokers are the binder's.
     */
    @Bean
    AuditTrail auditTrail(KafkaProperties kafka,
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${spring.application.name}") String service, AuditProperties properties,
            MeterRegistry registry) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        return KafkaAuditTrail.withOwnProducer(config, properties.topic(), service, properties.sendTimeout(),
                registry);
    }
}
