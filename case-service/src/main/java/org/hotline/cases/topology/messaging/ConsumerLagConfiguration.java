package org.hotline.cases.topology.messaging;

import java.time.Duration;
import java.util.List;
import org.hotline.web.kafka.ConsumerGroupLag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lag of the case files' Kafka Streams application (its consumer group is the application id) as the broker
 * sees it ({@code hotline_kafka_consumer_group_lag}), in place of Kafka Streams' own metrics, which are not exported
 * (CaseStreamsConfiguration).
 */
@Configuration(proxyBeanMethods = false)
class ConsumerLagConfiguration {

    @Bean(destroyMethod = "close")
    ConsumerGroupLag consumerGroupLag(KafkaProperties kafka,
            @Value("${spring.kafka.streams.application-id}") String applicationId,
            @Value("${hotline.kafka.lag-interval:15s}") Duration interval) {
        return new ConsumerGroupLag(kafka.buildAdminProperties(), List.of(applicationId), interval);
    }
}
