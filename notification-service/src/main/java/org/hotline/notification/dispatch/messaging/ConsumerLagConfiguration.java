package org.hotline.notification.dispatch.messaging;

import java.time.Duration;
import java.util.List;
import org.hotline.notification.dispatch.config.NotificationProperties;
import org.hotline.web.kafka.ConsumerGroupLag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lag of this service's two consumer groups as the broker sees it ({@code hotline_kafka_consumer_group_lag}): the
 * routed complaints' consumer pauses when its backlog is full, and a paused consumer's own lag metric goes blank.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerLagConfiguration {

    @Bean(destroyMethod = "close")
    ConsumerGroupLag consumerGroupLag(KafkaProperties kafka, NotificationProperties properties,
            @Value("${hotline.kafka.lag-interval:15s}") Duration interval) {
        return new ConsumerGroupLag(kafka.buildAdminProperties(),
                List.of(properties.topics().group(), properties.topics().caseEventsGroup()), interval);
    }
}
