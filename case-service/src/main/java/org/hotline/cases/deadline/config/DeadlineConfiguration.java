package org.hotline.cases.deadline.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.hotline.deadlines.domain.StatutoryClocks;
import org.hotline.deadlines.domain.WorkingCalendar;
import org.hotline.deadlines.yaml.DeadlineFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;

/** Loads the calendar and the clocks at start and fails the start on any problem: wrong data, wrong deadlines. */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeadlineConfiguration.class);

    @Bean
    WorkingCalendar workingCalendar(DeadlineProperties properties, ResourcePatternResolver resources, Clock clock)
            throws IOException {
        WorkingCalendar calendar = new DeadlineFiles(resources).calendar(properties.calendarLocation());
        log.info("Working-day calendar loaded from {}: years {}", properties.calendarLocation(), calendar.years());
        DeadlineFiles.coverageWarning(calendar, properties.calendarLocation(),
                LocalDate.ofInstant(clock.instant(), properties.zone())).ifPresent(log::warn);
        return calendar;
    }

    /**
     * {@code hotline_cases_calendar_covered_days}: days from today to the end of the calendar's years on file (0
     * when this year has none). A deadline past them counts weekends only and falls a little early: the alert
     * {@code HotlineCalendarRunningOut} asks for next year's file in time.
     */
    @Bean
    MeterBinder calendarCoverage(WorkingCalendar calendar, DeadlineProperties properties, Clock clock) {
        return meters -> Gauge.builder("hotline.cases.calendar.covered.days",
                        () -> coveredDays(calendar, LocalDate.ofInstant(clock.instant(), properties.zone())))
                .description("Days from today to the last day of the working-day calendar's years on file")
                .strongReference(true)
                .register(meters);
    }

    static long coveredDays(WorkingCalendar calendar, LocalDate today) {
        LocalDate through = calendar.coveredThrough(today);
        return through == null ? 0 : ChronoUnit.DAYS.between(today, through);
    }

    @Bean
    StatutoryClocks statutoryClocks(DeadlineProperties properties, WorkingCalendar calendar,
            ResourcePatternResolver resources) throws IOException {
        StatutoryClocks clocks = new DeadlineFiles(resources).clocks(properties.clocksLocation(), calendar,
                properties.zone());
        log.info("Statutory clocks loaded from {}: {}", properties.clocksLocation(), clocks);
        return clocks;
    }
}
