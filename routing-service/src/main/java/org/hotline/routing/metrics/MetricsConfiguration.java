package org.hotline.routing.metrics;

import org.hotline.web.metrics.KafkaTopicTagFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Kafka clients' meters once per topic: Kafka 4 reports each per-topic consumer metric of a topic whose name has
 * a dot a second time, under the name with underscores; {@link KafkaTopicTagFilter} keeps one. Spring Boot applies
 * every {@code MeterFilter} bean to the registry.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    KafkaTopicTagFilter kafkaTopicTagFilter() {
        return new KafkaTopicTagFilter();
    }
}
