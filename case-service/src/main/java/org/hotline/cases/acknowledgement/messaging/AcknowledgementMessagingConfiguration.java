package org.hotline.cases.acknowledgement.messaging;

import java.time.Clock;
import java.util.Map;
import org.hotline.cases.acknowledgement.application.AcknowledgementPublisher;
import org.hotline.cases.acknowledgement.config.AcknowledgementProperties;
import org.hotline.cases.casefile.config.CaseProperties;
import org.hotline.cases.kafka.ConfirmedProducers;
import org.hotline.web.tracing.ComplaintTracing;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class AcknowledgementMessagingConfiguration {

    /** A confirmed acknowledgement or answer is on every in-sync replica, and a retry is not doubled. */
    @Bean
    AcknowledgementPublisher acknowledgementPublisher(KafkaProperties kafka, CaseProperties cases,
            AcknowledgementProperties properties, JsonMapper json, Clock clock, ComplaintTracing tracing) {
        Map<String, Object> config = ConfirmedProducers.config(kafka, properties.sendTimeout());
        return new KafkaAcknowledgementPublisher(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config)),
                cases.topics().caseEvents(), json, properties.sendTimeout(), clock, tracing);
    }
}
