package org.hotline.routing.complaint.messaging;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.hotline.deadlines.domain.StatutoryClocks;
import org.hotline.routing.complaint.application.ComplaintRouter;
import org.hotline.routing.complaint.application.RoutingMetrics;
import org.hotline.routing.complaint.config.RoutingProperties;
import org.hotline.web.kafka.BrokerHealthIndicator;
import org.hotline.web.tracing.ComplaintTracing;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The {@code routeComplaint} function bound to {@code complaints.received.v1} in batch mode, and the broker's health. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    Function<Message<List<byte[]>>, List<Message<byte[]>>> routeComplaint(ComplaintRouter router,
            StatutoryClocks clocks, RoutingMetrics metrics, RoutingProperties properties, Clock clock,
            @Value("${spring.cloud.stream.bindings.routeComplaint-in-0.group}") String group,
            ComplaintTracing tracing) {
        return new RouteComplaintHandler(router, clocks,
                new DeadLetters(properties.deadLetters().topic(), group, metrics, clock), metrics,
                properties.routingAttempts(), clock, tracing);
    }

    /** Readiness: the broker answers, to the service's own Kafka login. */
    @Bean
    BrokerHealthIndicator kafkaHealthIndicator(KafkaProperties kafka,
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        return new BrokerHealthIndicator(BinderAdminSettings.of(kafka, brokers));
    }
}
