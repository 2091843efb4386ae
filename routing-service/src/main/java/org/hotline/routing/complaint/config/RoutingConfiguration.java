package org.hotline.routing.complaint.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.hotline.routing.complaint.application.ComplaintRouter;
import org.hotline.routing.complaint.application.RoutingMetrics;
import org.hotline.routing.rules.application.CurrentRoutingEngine;
import org.hotline.web.kafka.ConsumerGroupLag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The routing use case and its metrics, with its consumer group's lag as the broker sees it. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RoutingMetrics routingMetrics(MeterRegistry registry) {
        return new MicrometerRoutingMetrics(registry);
    }

    @Bean(destroyMethod = "close")
    ConsumerGroupLag consumerGroupLag(KafkaProperties kafka,
            @Value("${spring.cloud.stream.bindings.routeComplaint-in-0.group}") String group,
            @Value("${hotline.kafka.lag-interval:15s}") Duration interval) {
        return new ConsumerGroupLag(kafka.buildAdminProperties(), List.of(group), interval);
    }

    @Bean
    ComplaintRouter complaintRouter(CurrentRoutingEngine directory, RoutingMetrics metrics) {
        return new ComplaintRouter(directory, metrics);
    }
}
