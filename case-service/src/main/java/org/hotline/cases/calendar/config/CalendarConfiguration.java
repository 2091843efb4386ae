package org.hotline.cases.calendar.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.hotline.cases.calendar.application.CalendarFile;
import org.hotline.cases.calendar.application.CalendarLoader;
import org.hotline.cases.calendar.domain.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    /** Fails the start on any problem in the files: a wrong calendar would give every body a wrong deadline. */
    @Bean
    WorkingCalendar workingCalendar(CalendarProperties properties, ResourcePatternResolver resources)
            throws IOException {
        List<CalendarFile> files = new ArrayList<>();
        Resource[] found = resources.getResources(properties.location() + "*.yml");
        for (Resource resource : found) {
            try (InputStream in = resource.getInputStream()) {
                files.add(new CalendarFile(Objects.requireNonNull(resource.getFilename()), in.readAllBytes()));
            }
        }
        files.sort(Comparator.comparing(CalendarFile::name));
        WorkingCalendar calendar = new CalendarLoader().load(files);
        log.info("Working-day calendar loaded from {}: years {}", properties.location(), calendar.years());
        return calendar;
    }
}
