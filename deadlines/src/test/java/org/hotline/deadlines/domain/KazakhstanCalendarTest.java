package org.hotline.deadlines.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.hotline.deadlines.yaml.DeadlineFiles;
import org.junit.jupiter.api.Test;

/** The bundled Kazakhstan files, checked against the calendar the government published for 2026. */
class KazakhstanCalendarTest {

    private final WorkingCalendar calendar = DeadlineFiles.bundledCalendar();

    @Test
    void gives2026TheFifteenWeekdaysOffOfThePublishedCalendar() {
        assertThat(calendar.daysOffBesidesWeekends(2026).keySet()).containsExactly(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 7),
                LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 24),
                LocalDate.of(2026, 3, 25), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 7),
                LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 27), LocalDate.of(2026, 7, 6),
                LocalDate.of(2026, 8, 31), LocalDate.of(2026, 10, 26), LocalDate.of(2026, 12, 16));
    }

    @Test
    void saysHowFarItsYearsOnFileReach() {
        assertThat(calendar.coveredThrough(LocalDate.of(2026, 12, 2))).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(calendar.coveredThrough(LocalDate.of(2027, 6, 1))).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(calendar.coveredThrough(LocalDate.of(2028, 1, 1))).isNull();
        assertThat(calendar.covers(LocalDate.of(2028, 1, 1))).isFalse();
    }

    @Test
    void answersAComplaintReceivedOnMonday30November2026By22DecemberBecause16DecemberIsIndependenceDay() {
        assertThat(calendar.workingDaysAfter(LocalDate.of(2026, 11, 30), 15)).isEqualTo(LocalDate.of(2026, 12, 22));
    }

    @Test
    void movesVictoryDayOnASaturdayToTheMondayAfter() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 11))).isFalse();
        assertThat(calendar.daysOffBesidesWeekends(2026).get(LocalDate.of(2026, 5, 11)))
                .isEqualTo("Victory Day (moved from 2026-05-09)");
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 12))).isTrue();
    }

    @Test
    void movesNauryzOnAWeekendPastTheHolidayOnTheMondayAfterIt() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 23))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 24))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 25))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 26))).isTrue();
    }

    @Test
    void movesTheSecondDayOfTheNewYearOnASaturdayToMonday4January2027() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 4))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 5))).isTrue();
    }

    @Test
    void doesNotMoveKurbanAitWhenItFallsOnASunday() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 5, 16))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 5, 17))).isTrue();
    }

    @Test
    void countsAcrossTheNewYearHolidays() {
        // Thursday 24 December 2026: 25 and 28 to 31 December are five working days; 1 to 4 January 2027 are
        // off (the New Year, a Sunday, and the second of January moved from Saturday); 5 January is the sixth.
        assertThat(calendar.workingDaysAfter(LocalDate.of(2026, 12, 24), 6)).isEqualTo(LocalDate.of(2027, 1, 5));
    }

    @Test
    void countsOnlySaturdaysAndSundaysInAYearWithoutAFile() {
        assertThat(calendar.covers(LocalDate.of(2028, 1, 3))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 3))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 1))).isFalse();
    }
}
