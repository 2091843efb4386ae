package org.hotline.cases.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Dates and times as the pages show them: the date written out in the page's language, a moment in the calendar's
 * zone (Asia/Almaty) to the minute, for example "1 декабря 2026 г., 11:00"; never an ISO instant in UTC.
 */
public final class PageTimes {

    private final DateTimeFormatter date;
    private final DateTimeFormatter time;
    private final ZoneId zone;

    public PageTimes(String language, ZoneId zone) {
        Locale locale = Locale.forLanguageTag(language);
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        this.time = DateTimeFormatter.ofPattern("HH:mm", locale);
        this.zone = zone;
    }

    public String day(LocalDate day) {
        return date.format(day);
    }

    public String day(Instant instant) {
        return date.format(instant.atZone(zone));
    }

    /** The moment, or null for none. */
    public @Nullable String moment(@Nullable Instant instant) {
        if (instant == null) {
            return null;
        }
        ZonedDateTime local = instant.atZone(zone);
        return date.format(local) + ", " + time.format(local);
    }
}
