package org.hotline.notification.dispatch.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.hotline.notification.dispatch.config.NotificationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics this service owns: its outcomes, its dead letters and its ledger. */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    @Bean
    NewTopic outcomesTopic(NotificationProperties properties) {
        NotificationProperties.Topics topics = properties.topics();
        return TopicBuilder.name(topics.outcomes()).partitions(topics.partitions())
                .replicas(topics.replicationFactor()).build();
    }

    @Bean
    NewTopic deadLetterTopic(NotificationProperties properties) {
        NotificationProperties.Topics topics = properties.topics();
        return TopicBuilder.name(topics.deadLetter()).partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .config("retention.ms", String.valueOf(topics.deadLetterRetention().toMillis())).build();
    }

    /** As many partitions as complaints.routed.v1: ledger partition p holds the messages of routed partition p. */
    @Bean
    NewTopic ledgerTopic(NotificationProperties properties) {
        NotificationProperties.Topics topics = properties.topics();
        return TopicBuilder.name(topics.ledger()).partitions(topics.partitions())
                .replicas(topics.replicationFactor()).compact().build();
    }
}
