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
import org.springframework.cloud.stream.binder.kafka.common.BinderHeaderMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaderMapper;
import org.springframework.messaging.Message;

/**
 * The {@code routeComplaint} function bound to {@code complaints.received.v1} in batch mode, the headers of what it
 * writes, and the broker's health.
 */
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

    /**
     * The binder's header mapper for what routing writes (named by
     * {@code spring.cloud.stream.kafka.binder.header-mapper-bean-name}), as its default but for one thing: a text
     * header goes out as its UTF-8 bytes and nothing more. The default also adds {@code spring_json_header_types}, a
     * JSON map of each header's Java type for Spring's own readers, to every {@code ComplaintRouted} and dead letter:
     * a header no contract names (docs/asyncapi.yaml) on a topic integrators read, about 300 bytes a record, and a
     * JSON document written for each. Every header routing sets is text or bytes; one of another type would bring the
     * map back. Reading is not changed: in batch mode the binder maps the polled records' headers with Spring Kafka's
     * own mapper.
     */
    @Bean
    KafkaHeaderMapper routedHeaderMapper() {
        BinderHeaderMapper mapper = new BinderHeaderMapper();
        mapper.setMapAllStringsOut(true);
        return mapper;
    }

    /** Readiness: the broker answers, to the service's own Kafka login. */
    @Bean
    BrokerHealthIndicator kafkaHealthIndicator(KafkaProperties kafka,
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        return new BrokerHealthIndicator(BinderAdminSettings.of(kafka, brokers));
    }
}
