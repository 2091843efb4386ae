package org.hotline.deadlines.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.hotline.deadlines.domain.CalendarProblem;
import org.hotline.deadlines.domain.InvalidCalendarException;
import org.hotline.deadlines.domain.WorkingCalendar;
import org.junit.jupiter.api.Test;

class CalendarLoaderTest {

    private final CalendarLoader loader = new CalendarLoader();

    private static CalendarFile file(String name, String yaml) {
        return new CalendarFile(name, yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static final String YEAR_2018 = """
            year: 2018
            weekend: [SATURDAY, SUNDAY]
            sources: [Government resolution on the transfer of days off in 2018]
            holidays:
              - { date: 2018-03-08, name: International Women's Day }
            transfers:
              - { from: 2018-03-03, to: 2018-03-09 }
            """;

    @Test
    void aTransferMakesTheSaturdayAWorkingDayAndTheFridayADayOff() {
        WorkingCalendar calendar = loader.load(List.of(file("2018.yml", YEAR_2018)));

        assertThat(calendar.isWorkingDay(LocalDate.of(2018, 3, 3))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2018, 3, 9))).isFalse();
        // Wednesday 7 March: Thursday 8 and Friday 9 are off, Saturday 3 was worked but lies before.
        assertThat(calendar.workingDaysAfter(LocalDate.of(2018, 3, 7), 1)).isEqualTo(LocalDate.of(2018, 3, 12));
        // Friday 2 March: the next working day is the transferred Saturday.
        assertThat(calendar.workingDaysAfter(LocalDate.of(2018, 3, 2), 1)).isEqualTo(LocalDate.of(2018, 3, 3));
    }

    @Test
    void reportsEveryProblemWithItsFileAndLine() {
        String yaml = """
                year: 2026
                weekend: [SATURDAY, SUNDAY]
                sources: [somewhere]
                holidays:
                  - { date: 2026-01-01, name: New Year }
                  - { date: 2027-01-02, name: New Year }
                  - { date: 2026-01-01, name: New Year again }
                  - { date: 2026-13-01, name: Nonsense }
                  - { date: 2026-05-01, name: Unity Day, colour: red }
                transfers:
                  - { from: 2026-03-04, to: 2026-03-07 }
                """;

        assertThatThrownBy(() -> loader.load(List.of(file("2026.yml", yaml))))
                .isInstanceOfSatisfying(InvalidCalendarException.class, e -> assertThat(e.problems())
                        .extracting(CalendarProblem::toString)
                        .containsExactly(
                                "2026.yml:6: 'date' 2027-01-02 is not in 2026: each year's dates go in that year's file",
                                "2026.yml:7: two holidays on 2026-01-01 (line 5): give the day once, with both names",
                                "2026.yml:8: 'date' must be a date (YYYY-MM-DD), not '2026-13-01'",
                                "2026.yml:9: holiday: unknown field 'colour' (allowed: date, name, religious, source)",
                                "2026.yml:11: 'from' must be a weekend day that is not a holiday: it becomes a working "
                                        + "day; 2026-03-04 is a WEDNESDAY",
                                "2026.yml:11: 'to' must be a working day: it becomes the day off; 2026-03-07 is a "
                                        + "SATURDAY"));
    }

    @Test
    void refusesAFileNamedForAnotherYearAndAFileWithoutSources() {
        String noSources = """
                year: 2019
                weekend: [SATURDAY, SUNDAY]
                holidays: []
                """;

        assertThatThrownBy(() -> loader.load(List.of(file("2018.yml", YEAR_2018), file("copy.yml", YEAR_2018),
                file("2019.yml", noSources))))
                .isInstanceOfSatisfying(InvalidCalendarException.class, e -> assertThat(e.problems())
                        .extracting(CalendarProblem::toString)
                        .containsExactly(
                                "copy.yml:1: the file for 2018 must be named 2018.yml",
                                "2019.yml:1: 'sources' must list where the dates come from (the law, the "
                                        + "government's resolutions)"));
    }

    @Test
    void refusesAYearGivenTwice() {
        assertThatThrownBy(() -> loader.load(List.of(file("2018.yml", YEAR_2018), file("2018.yml", YEAR_2018))))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessageContaining("2018.yml:1: the year 2018 is given twice");
    }

    @Test
    void refusesAnEmptyLocationAndAFileThatIsNotYaml() {
        assertThatThrownBy(() -> loader.load(List.of()))
                .hasMessageContaining("no <year>.yml file found at the calendar's location");
        assertThatThrownBy(() -> loader.load(List.of(file("2026.yml", "year: [2026"))))
                .hasMessageContaining("2026.yml:")
                .hasMessageContaining("not valid YAML");
    }
}
