package org.hotline.cases.deadline.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.hotline.cases.deadline.application.CalendarFile;
import org.hotline.cases.deadline.domain.StatutoryClocks;
import org.hotline.cases.deadline.domain.WorkingCalendar;
import org.hotline.cases.deadline.yaml.CalendarLoader;
import org.hotline.cases.deadline.yaml.ClocksLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;

/** Loads the calendar and the clocks at start and fails the start on any problem: wrong data, wrong deadlines. */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeadlineConfiguration.class);

    @Bean
    WorkingCalendar workingCalendar(DeadlineProperties properties, ResourcePatternResolver resources)
            throws IOException {
        List<CalendarFile> files = new ArrayList<>();
        for (Resource resource : resources.getResources(properties.calendarLocation() + "*.yml")) {
            files.add(read(resource));
        }
        files.sort(Comparator.comparing(CalendarFile::name));
        WorkingCalendar calendar = new CalendarLoader().load(files);
        log.info("Working-day calendar loaded from {}: years {}", properties.calendarLocation(), calendar.years());
        return calendar;
    }

    @Bean
    StatutoryClocks statutoryClocks(DeadlineProperties properties, WorkingCalendar calendar,
            ResourceLoader resources) throws IOException {
        StatutoryClocks clocks = new ClocksLoader().load(read(resources.getResource(properties.clocksLocation())),
                calendar, properties.zone());
        log.info("Statutory clocks loaded from {}: {}", properties.clocksLocation(), clocks);
        return clocks;
    }

    private static CalendarFile read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new CalendarFile(Objects.requireNonNull(resource.getFilename()), in.readAllBytes());
        }
    }
}
