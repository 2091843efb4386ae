package org.hotline.deadlines.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hotline.deadlines.domain.StatutoryClocks;
import org.hotline.deadlines.domain.WorkingCalendar;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Reads the calendar's folder and the clocks file from Spring resource locations ({@code classpath:calendar/kz/},
 * {@code file:/etc/hotline/calendar/}), as every service that counts deadlines does at start: routing, which
 * dates each assignment, and the case service, which dates each escalation. Both read the same bundled files
 * unless an NGO points them at its own, and then they must point at the same files (docs/case.md, "Deadlines").
 */
public final class DeadlineFiles {

    /** The files this module bundles: Kazakhstan's calendar and the hotline's default clocks. */
    public static final String BUNDLED_CALENDAR = "classpath:calendar/kz/";
    public static final String BUNDLED_CLOCKS = "classpath:clocks/kz/clocks.yml";

    private final ResourcePatternResolver resources;

    public DeadlineFiles(ResourcePatternResolver resources) {
        this.resources = resources;
    }

    /** The bundled calendar, read as a service reads it; for tests and tools without Spring. */
    public static WorkingCalendar bundledCalendar() {
        try {
            return new DeadlineFiles(new PathMatchingResourcePatternResolver()).calendar(BUNDLED_CALENDAR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled clocks on the bundled calendar; for tests and tools without Spring. */
    public static StatutoryClocks bundledClocks(ZoneId zone) {
        try {
            return new DeadlineFiles(new PathMatchingResourcePatternResolver()).clocks(BUNDLED_CLOCKS,
                    bundledCalendar(), zone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param location a folder holding one {@code <year>.yml} per year; ends with a slash
     * @throws org.hotline.deadlines.domain.InvalidCalendarException listing every problem of every file
     */
    public WorkingCalendar calendar(String location) throws IOException {
        List<CalendarFile> files = new ArrayList<>();
        for (Resource resource : resources.getResources(location + "*.yml")) {
            files.add(read(resource));
        }
        files.sort(Comparator.comparing(CalendarFile::name));
        return new CalendarLoader().load(files);
    }

    /** @throws org.hotline.deadlines.domain.InvalidCalendarException listing every problem of the file */
    public StatutoryClocks clocks(String location, WorkingCalendar calendar, ZoneId zone) throws IOException {
        return new ClocksLoader().load(read(resources.getResource(location)), calendar, zone);
    }

    /**
     * What a service logs at start when the calendar has no file for the day two months from {@code today}: a
     * deadline in a year without a file counts weekends only and falls a little early. Empty when it has one.
     */
    public static Optional<String> coverageWarning(WorkingCalendar calendar, String location, LocalDate today) {
        LocalDate inTwoMonths = today.plusMonths(2);
        if (calendar.covers(inTwoMonths)) {
            return Optional.empty();
        }
        return Optional.of("The working-day calendar has no file for " + inTwoMonths.getYear() + ": deadlines in it "
                + "count weekends only and fall a little early. Add " + location + inTwoMonths.getYear()
                + ".yml (docs/case.md, \"Deadlines\")");
    }

    private static CalendarFile read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new CalendarFile(Objects.requireNonNull(resource.getFilename()), in.readAllBytes());
        }
    }
}
