package org.hotline.routing.complaint.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.hotline.routing.complaint.application.ComplaintRouter;
import org.hotline.routing.complaint.application.RoutingMetrics;
import org.hotline.routing.rules.application.CurrentRoutingEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The routing use case and its metrics. */
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

    @Bean
    ComplaintRouter complaintRouter(CurrentRoutingEngine directory, RoutingMetrics metrics) {
        return new ComplaintRouter(directory, metrics);
    }
}
