package org.hotline.deadlines.yaml;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hotline.datafiles.YamlNodes;
import org.hotline.deadlines.domain.CalendarProblem;
import org.hotline.deadlines.domain.CalendarYear;
import org.hotline.deadlines.domain.DayOffTransfer;
import org.hotline.deadlines.domain.Holiday;
import org.hotline.deadlines.domain.InvalidCalendarException;
import org.hotline.deadlines.domain.WorkingCalendar;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Builds a {@link WorkingCalendar} from one file per year ({@code 2026.yml}, {@code 2027.yml}, ...), checking
 * everything that would make a deadline wrong and reporting each problem with its file and line: unknown fields,
 * a file named for another year, dates outside the file's year, two holidays on one date, a year given twice, no
 * sources, and transfers that do not move a day off from a weekend day to a working day. Nothing is half-loaded:
 * any problem fails the whole load, so the service does not start on a calendar it cannot trust.
 */
public final class CalendarLoader {

    private static final List<String> YEAR_FIELDS = List.of("year", "weekend", "sources", "holidays", "transfers");
    private static final List<String> HOLIDAY_FIELDS = List.of("date", "name", "religious", "source");
    private static final List<String> TRANSFER_FIELDS = List.of("from", "to", "source");

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

    private @Nullable CalendarYear year(CalendarFile file, List<CalendarProblem> problems) {
        int before = problems.size();
        YamlNodes yaml = yaml(file.name(), problems);
        MappingNode root = yaml.root(file.content());
        if (root == null) {
            return null;
        }
        Map<String, Node> top = yaml.fields(root, "calendar file", YEAR_FIELDS);
        Integer year = integer(yaml, top, "year", root);
        if (year != null && !file.name().equals(year + ".yml")) {
            yaml.fail(top.get("year"), "the file for " + year + " must be named " + year + ".yml");
        }
        Set<DayOfWeek> weekend = weekend(yaml, top, root);
        if (yaml.scalars(top, "sources").isEmpty()) {
            yaml.fail(root, "'sources' must list where the dates come from (the law, the government's resolutions)");
        }
        List<Holiday> holidays = holidays(yaml, top, root, year);
        List<DayOffTransfer> transfers = transfers(yaml, top, root, year, weekend, holidays);
        if (year == null || problems.size() > before) {
            return null;
        }
        return new CalendarYear(year, weekend, holidays, transfers);
    }

    private static Set<DayOfWeek> weekend(YamlNodes yaml, Map<String, Node> top, Node root) {
        Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
        List<ScalarNode> days = yaml.scalars(top, "weekend");
        if (days.isEmpty()) {
            yaml.fail(root, "'weekend' must list the weekly days off, e.g. [SATURDAY, SUNDAY]");
        }
        for (ScalarNode day : days) {
            DayOfWeek value = yaml.enumOf(day, "weekend day", day.getValue().strip(), DayOfWeek.class);
            if (value != null && !weekend.add(value)) {
                yaml.fail(day, "weekend day " + value + " is listed twice");
            }
        }
        return weekend;
    }

    private static List<Holiday> holidays(YamlNodes yaml, Map<String, Node> top, Node root, @Nullable Integer year) {
        List<Holiday> holidays = new ArrayList<>();
        Map<LocalDate, Node> seen = new HashMap<>();
        for (MappingNode entry : yaml.mappings(top, "holidays", root, true)) {
            Map<String, Node> fields = yaml.fields(entry, "holiday", HOLIDAY_FIELDS);
            LocalDate date = date(yaml, fields, "date", entry, year);
            String name = yaml.text(fields, "name", entry, true);
            Boolean religious = yaml.bool(fields, "religious", entry, false);
            if (date == null || name == null) {
                continue;
            }
            if (seen.putIfAbsent(date, entry) != null) {
                yaml.fail(entry, "two holidays on " + date + " (line " + YamlNodes.line(seen.get(date))
                        + "): give the day once, with both names");
                continue;
            }
            holidays.add(new Holiday(date, name, Boolean.TRUE.equals(religious)));
        }
        return holidays;
    }

    private static List<DayOffTransfer> transfers(YamlNodes yaml, Map<String, Node> top, Node root,
            @Nullable Integer year, Set<DayOfWeek> weekend, List<Holiday> holidays) {
        Set<LocalDate> holidayDates = new HashSet<>();
        holidays.forEach(holiday -> holidayDates.add(holiday.date()));
        List<DayOffTransfer> transfers = new ArrayList<>();
        Set<LocalDate> used = new HashSet<>();
        for (MappingNode entry : yaml.mappings(top, "transfers", root, false)) {
            Map<String, Node> fields = yaml.fields(entry, "transfer", TRANSFER_FIELDS);
            LocalDate from = date(yaml, fields, "from", entry, year);
            LocalDate to = date(yaml, fields, "to", entry, year);
            if (from == null || to == null) {
                continue;
            }
            if (!weekend.contains(from.getDayOfWeek()) || holidayDates.contains(from)) {
                yaml.fail(fields.get("from"), "'from' must be a weekend day that is not a holiday: it becomes a "
                        + "working day; " + from + " is a " + from.getDayOfWeek());
            }
            if (weekend.contains(to.getDayOfWeek()) || holidayDates.contains(to)) {
                yaml.fail(fields.get("to"), "'to' must be a working day: it becomes the day off; " + to + " is "
                        + (holidayDates.contains(to) ? "a holiday" : "a " + to.getDayOfWeek()));
            }
            if (!used.add(from) || !used.add(to)) {
                yaml.fail(entry, "a day appears in two transfers");
            }
            transfers.add(new DayOffTransfer(from, to));
        }
        return transfers;
    }

    private static @Nullable Integer integer(YamlNodes yaml, Map<String, Node> fields, String name, Node owner) {
        String value = yaml.text(fields, name, owner, true);
        if (value == null) {
            return null;
        }
        try {
            int year = Integer.parseInt(value);
            if (year < 2000 || year > 2100) {
                yaml.fail(fields.get(name), "'" + name + "' must be a year between 2000 and 2100, not " + value);
                return null;
            }
            return year;
        } catch (NumberFormatException e) {
            yaml.fail(fields.get(name), "'" + name + "' must be a year, not '" + value + "'");
            return null;
        }
    }

    private static @Nullable LocalDate date(YamlNodes yaml, Map<String, Node> fields, String name, Node owner,
            @Nullable Integer year) {
        String value = yaml.text(fields, name, owner, true);
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (year != null && date.getYear() != year) {
                yaml.fail(fields.get(name), "'" + name + "' " + date + " is not in " + year
                        + ": each year's dates go in that year's file");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            yaml.fail(fields.get(name), "'" + name + "' must be a date (YYYY-MM-DD), not '" + value + "'");
            return null;
        }
    }

    /** The file's YAML nodes, its problems reported into {@code problems}. */
    private static YamlNodes yaml(String file, List<CalendarProblem> problems) {
        return new YamlNodes(file, (name, line, problem) -> problems.add(new CalendarProblem(name, line, problem)));
    }
}
