package org.hotline.deadlines.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Which days are working days, from the years the NGO keeps as data. A day is off when it is a weekend day, a
 * public holiday, the day a holiday falling on a weekend moves to, or the day a government transfer moves a day
 * off to; it is a working day when a transfer makes it one. The rules, in the order they are applied:
 * <ol>
 *   <li>Weekend days of the year's file (Saturday and Sunday in Kazakhstan's five-day week).</li>
 *   <li>Public holidays (Law "On holidays in the Republic of Kazakhstan" of 13 December 2001).</li>
 *   <li>A holiday on a weekend day moves to the next working day, religious holidays excepted (Labour Code,
 *       art. 85 para. 2); the next working day skips the weekend, other holidays and days already taken by an
 *       earlier shift, so Nauryz on Saturday, Sunday and Monday gives Tuesday and Wednesday off.</li>
 *   <li>Government transfers (art. 85 para. 3): the weekend day becomes a working day, the other a day off.</li>
 * </ol>
 * A day in a year the calendar has no file for counts Saturday and Sunday only: a deadline then falls a little
 * early, never late, and {@link #covers(LocalDate)} says so.
 */
public final class WorkingCalendar {

    private static final Set<DayOfWeek> DEFAULT_WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    private final Map<Integer, CalendarYear> years = new TreeMap<>();
    private final Map<LocalDate, String> daysOff = new TreeMap<>();
    private final Set<LocalDate> workingWeekendDays = new HashSet<>();

    public WorkingCalendar(Collection<CalendarYear> calendarYears) {
        calendarYears.forEach(year -> years.put(year.year(), year));
        List<Holiday> holidays = new ArrayList<>();
        years.values().forEach(year -> holidays.addAll(year.holidays()));
        holidays.sort(Comparator.comparing(Holiday::date));
        Set<LocalDate> holidayDates = new HashSet<>();
        holidays.forEach(holiday -> holidayDates.add(holiday.date()));
        for (Holiday holiday : holidays) {
            daysOff.merge(holiday.date(), holiday.name(), (a, b) -> a + "; " + b);
        }
        for (Holiday holiday : holidays) {
            if (holiday.religious() || !isWeekend(holiday.date())) {
                continue;
            }
            LocalDate substitute = holiday.date().plusDays(1);
            while (isWeekend(substitute) || daysOff.containsKey(substitute)) {
                substitute = substitute.plusDays(1);
            }
            daysOff.put(substitute, holiday.name() + " (moved from " + holiday.date() + ")");
        }
        for (CalendarYear year : years.values()) {
            for (DayOffTransfer transfer : year.transfers()) {
                workingWeekendDays.add(transfer.from());
                daysOff.put(transfer.to(), "day off transferred from " + transfer.from());
            }
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workingWeekendDays.contains(day)) {
            return true;
        }
        return !daysOff.containsKey(day) && !isWeekend(day);
    }

    /**
     * The {@code workingDays}-th working day after {@code day}: the first working day after it counts as one. A
     * complaint received on Monday 30 November 2026 with 15 working days is due on 22 December 2026.
     */
    public LocalDate workingDaysAfter(LocalDate day, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("a deadline is at least one working day, not " + workingDays);
        }
        LocalDate current = day;
        int counted = 0;
        while (counted < workingDays) {
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }

    /** The days off of a year that are not weekend days (holidays, shifted holidays, transfers), with why. */
    public Map<LocalDate, String> daysOffBesidesWeekends(int year) {
        Map<LocalDate, String> result = new TreeMap<>();
        daysOff.forEach((day, why) -> {
            if (day.getYear() == year && !isWeekend(day)) {
                result.put(day, why);
            }
        });
        return result;
    }

    /** Whether the calendar has a file for the day's year; outside, only Saturdays and Sundays are off. */
    public boolean covers(LocalDate day) {
        return years.containsKey(day.getYear());
    }

    /**
     * The last day of the run of years with a file that starts with {@code day}'s year; null when that year has no
     * file. Deadlines up to that day count every holiday; later ones fall a little early.
     */
    public @Nullable LocalDate coveredThrough(LocalDate day) {
        int year = day.getYear();
        if (!years.containsKey(year)) {
            return null;
        }
        while (years.containsKey(year + 1)) {
            year++;
        }
        return LocalDate.of(year, 12, 31);
    }

    public SortedSet<Integer> years() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }

    private boolean isWeekend(LocalDate day) {
        CalendarYear year = years.get(day.getYear());
        return (year == null ? DEFAULT_WEEKEND : year.weekend()).contains(day.getDayOfWeek());
    }
}
