package org.hotline.cases.deadline.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.hotline.cases.deadline.domain.WorkingCalendar;
import org.hotline.cases.deadline.yaml.CalendarLoader;

/** The calendar files the service ships with, loaded as the service loads them, without Spring. */
public final class BundledCalendar {

    private BundledCalendar() {
    }

    public static WorkingCalendar kazakhstan() {
        List<CalendarFile> files = new ArrayList<>();
        for (String name : List.of("2026.yml", "2027.yml")) {
            try (InputStream in = BundledCalendar.class.getResourceAsStream("/calendar/kz/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("calendar/kz/" + name + " is not on the classpath");
                }
                files.add(new CalendarFile(name, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new CalendarLoader().load(files);
    }
}
