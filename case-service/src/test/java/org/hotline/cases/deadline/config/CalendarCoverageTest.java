package org.hotline.cases.deadline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.hotline.deadlines.domain.WorkingCalendar;
import org.hotline.deadlines.yaml.DeadlineFiles;
import org.junit.jupiter.api.Test;

/** The gauge behind {@code HotlineCalendarRunningOut}: days left on the calendar's years on file. */
class CalendarCoverageTest {

    private final WorkingCalendar calendar = DeadlineFiles.bundledCalendar();

    @Test
    void countsTheDaysToTheEndOfTheLastYearOnFileAndZeroInAYearWithoutOne() {
        assertThat(DeadlineConfiguration.coveredDays(calendar, LocalDate.of(2027, 11, 1))).isEqualTo(60);
        assertThat(DeadlineConfiguration.coveredDays(calendar, LocalDate.of(2027, 12, 31))).isZero();
        assertThat(DeadlineConfiguration.coveredDays(calendar, LocalDate.of(2028, 1, 2))).isZero();
        assertThat(DeadlineConfiguration.coveredDays(calendar, LocalDate.of(2026, 12, 31))).isEqualTo(365);
    }
}
