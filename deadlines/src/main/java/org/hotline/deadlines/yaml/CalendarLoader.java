package org.hotline.deadlines.yaml;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hotline.datafiles.DataFile;
import org.hotline.datafiles.DataFileSchema;
import org.hotline.deadlines.domain.CalendarProblem;
import org.hotline.deadlines.domain.CalendarYear;
import org.hotline.deadlines.domain.DayOffTransfer;
import org.hotline.deadlines.domain.Holiday;
import org.hotline.deadlines.domain.InvalidCalendarException;
import org.hotline.deadlines.domain.WorkingCalendar;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link WorkingCalendar} from one file per year ({@code 2026.yml}, {@code 2027.yml}, ...), checking
 * everything that would make a deadline wrong and reporting each problem with its file and line. The published
 * schema (docs/schemas/data/calendar.schema.json) checks the fields, dates and days; this loader checks a file
 * named for another year, dates outside the file's year, two holidays on one date, a year given twice, a weekend
 * day listed twice, and transfers that do not move a day off from a weekend day to a working day. Nothing is
 * half-loaded: any problem fails the whole load, so the service does not start on a calendar it cannot trust.
 */
public final class CalendarLoader {

    private static final DataFileSchema SCHEMA = DataFileSchema.load("calendar.schema.json");

    /** @throws InvalidCalendarException listing every problem found, each with its file and line */
    public WorkingCalendar load(List<CalendarFile> files) {
        List<CalendarProblem> problems = new ArrayList<>();
        if (files.isEmpty()) {
            problems.add(new CalendarProblem("(calendar)", 1, "no <year>.yml file found at the calendar's location"));
        }
        Map<Integer, CalendarYear> years = new TreeMap<>();
        for (CalendarFile file : files) {
            CalendarYear year = year(file, problems);
            if (year != null && years.putIfAbsent(year.year(), year) != null) {
                problems.add(new CalendarProblem(file.name(), 1, "the year " + year.year() + " is given twice"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCalendarException(problems);
        }
        return new WorkingCalendar(years.values());
    }

    private static @Nullable CalendarYear year(CalendarFile file, List<CalendarProblem> problems) {
        DataFile data = SCHEMA.read(file.name(), file.content());
        YearFile read = data.bind(YearFile.class);
        CalendarYear year = read == null ? null : year(file, data, read);
        data.problems().forEach(problem -> problems.add(new CalendarProblem(problem.file(), problem.line(),
                problem.problem())));
        return data.hasProblems() ? null : year;
    }

    private static @Nullable CalendarYear year(CalendarFile file, DataFile data, YearFile read) {
        Integer year = read.year();
        if (year != null && !file.name().equals(year + ".yml")) {
            data.problem("/year", "the file for " + year + " must be named " + year + ".yml");
        }
        Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
        List<@Nullable DayOfWeek> days = orEmpty(read.weekend());
        for (int i = 0; i < days.size(); i++) {
            DayOfWeek day = days.get(i);
            if (day != null && !weekend.add(day)) {
                data.problem("/weekend/" + i, "weekend day " + day + " is listed twice");
            }
        }
        List<Holiday> holidays = holidays(data, read.holidays(), year);
        List<DayOffTransfer> transfers = transfers(data, read.transfers(), year, weekend, holidays);
        return year == null ? null : new CalendarYear(year, weekend, holidays, transfers);
    }

    private static List<Holiday> holidays(DataFile data, @Nullable List<@Nullable HolidayEntry> entries,
            @Nullable Integer year) {
        List<Holiday> holidays = new ArrayList<>();
        Map<LocalDate, String> seen = new HashMap<>();
        List<@Nullable HolidayEntry> list = orEmpty(entries);
        for (int i = 0; i < list.size(); i++) {
            HolidayEntry entry = list.get(i);
            String at = "/holidays/" + i;
            LocalDate date = entry == null ? null : inYear(data, at + "/date", entry.date(), year);
            if (entry == null || date == null || entry.name() == null) {
                continue;
            }
            if (seen.putIfAbsent(date, at) != null) {
                data.problem(at, "two holidays on " + date + " (line " + data.line(seen.get(date))
                        + "): give the day once, with both names");
                continue;
            }
            holidays.add(new Holiday(date, entry.name(), Boolean.TRUE.equals(entry.religious())));
        }
        return holidays;
    }

    private static List<DayOffTransfer> transfers(DataFile data, @Nullable List<@Nullable TransferEntry> entries,
            @Nullable Integer year, Set<DayOfWeek> weekend, List<Holiday> holidays) {
        Set<LocalDate> holidayDates = new HashSet<>();
        holidays.forEach(holiday -> holidayDates.add(holiday.date()));
        List<DayOffTransfer> transfers = new ArrayList<>();
        Set<LocalDate> used = new HashSet<>();
        List<@Nullable TransferEntry> list = orEmpty(entries);
        for (int i = 0; i < list.size(); i++) {
            TransferEntry entry = list.get(i);
            String at = "/transfers/" + i;
            if (entry == null) {
                continue;
            }
            LocalDate from = inYear(data, at + "/from", entry.from(), year);
            LocalDate to = inYear(data, at + "/to", entry.to(), year);
            if (from == null || to == null) {
                continue;
            }
            if (!weekend.contains(from.getDayOfWeek()) || holidayDates.contains(from)) {
                data.problem(at + "/from", "'from' must be a weekend day that is not a holiday: it becomes a "
                        + "working day; " + from + " is a " + from.getDayOfWeek());
            }
            if (weekend.contains(to.getDayOfWeek()) || holidayDates.contains(to)) {
                data.problem(at + "/to", "'to' must be a working day: it becomes the day off; " + to + " is "
                        + (holidayDates.contains(to) ? "a holiday" : "a " + to.getDayOfWeek()));
            }
            if (!used.add(from) || !used.add(to)) {
                data.problem(at, "a day appears in two transfers");
            }
            transfers.add(new DayOffTransfer(from, to));
        }
        return transfers;
    }

    /** The date, or null (with a problem) when it lies outside the file's year. */
    private static @Nullable LocalDate inYear(DataFile data, String at, @Nullable LocalDate date,
            @Nullable Integer year) {
        if (date != null && year != null && date.getYear() != year) {
            String name = at.substring(at.lastIndexOf('/') + 1);
            data.problem(at, "'" + name + "' " + date + " is not in " + year
                    + ": each year's dates go in that year's file");
            return null;
        }
        return date;
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    /** A year's file as its schema gives it; a value the schema refused is null. */
    record YearFile(@Nullable Integer year, @Nullable List<@Nullable DayOfWeek> weekend,
            @Nullable List<@Nullable HolidayEntry> holidays, @Nullable List<@Nullable TransferEntry> transfers) {
    }

    record HolidayEntry(@Nullable LocalDate date, @Nullable String name, @Nullable Boolean religious) {
    }

    record TransferEntry(@Nullable LocalDate from, @Nullable LocalDate to) {
    }
}
