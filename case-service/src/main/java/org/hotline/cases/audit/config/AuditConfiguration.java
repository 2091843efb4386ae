package org.hotline.cases.audit.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.hotline.web.audit.AuditTrail;
import org.hotline.web.audit.KafkaAuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit trail of the caseworker endpoint; the security chain (SecurityConfiguration) feeds it. Each action goes
 * to the {@code audit} log and, as {@code StaffActionAudited}, to {@code audit.events.v1}, as routing's do.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /**
     * Its own producer, not transactional: an audit event is one record written when a request is answered.
     * spring.kafka.* (brokers, SASL, TLS) applies as to every client of the service.
     */
    @Bean(destroyMethod = "close")
    KafkaAuditTrail auditTrail(KafkaProperties kafka, @Value("${spring.application.name}") String service,
            AuditProperties properties, MeterRegistry registry) {
        return KafkaAuditTrail.withOwnProducer(kafka.buildProducerProperties(), properties.topic(), service,
                properties.sendTimeout(), registry);
    }
}
