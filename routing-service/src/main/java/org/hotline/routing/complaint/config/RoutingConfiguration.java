package org.hotline.routing.complaint.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.hotline.deadlines.domain.StatutoryClocks;
import org.hotline.deadlines.domain.WorkingCalendar;
import org.hotline.deadlines.yaml.DeadlineFiles;
import org.hotline.routing.complaint.application.ComplaintRouter;
import org.hotline.routing.complaint.application.RoutingMetrics;
import org.hotline.routing.rules.application.CurrentRoutingEngine;
import org.hotline.web.kafka.ConsumerGroupLag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The routing use case and its metrics, the statutory clocks that date its assignments, and its consumer group's lag
 * as the broker sees it.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RoutingConfiguration.class);

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

    /** Fails the start on any problem of the calendar or the clocks, each with its file and line. */
    @Bean
    StatutoryClocks statutoryClocks(RoutingProperties properties, ResourcePatternResolver resources, Clock clock)
            throws IOException {
        RoutingProperties.DeadlineSources files = properties.deadlines();
        DeadlineFiles reader = new DeadlineFiles(resources);
        WorkingCalendar calendar = reader.calendar(files.calendarLocation());
        StatutoryClocks clocks = reader.clocks(files.clocksLocation(), calendar, files.zone());
        log.info("Assignments dated on the calendar in {} (years {}) with the clocks in {}: {}",
                files.calendarLocation(), calendar.years(), files.clocksLocation(), clocks);
        DeadlineFiles.coverageWarning(calendar, files.calendarLocation(),
                LocalDate.ofInstant(clock.instant(), files.zone())).ifPresent(log::warn);
        return clocks;
    }

    @Bean
    ComplaintRouter complaintRouter(CurrentRoutingEngine directory, RoutingMetrics metrics) {
        return new ComplaintRouter(directory, metrics);
    }
}
