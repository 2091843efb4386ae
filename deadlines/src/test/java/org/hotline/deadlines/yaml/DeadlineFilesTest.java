package org.hotline.deadlines.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.hotline.deadlines.domain.WorkingCalendar;
import org.junit.jupiter.api.Test;

class DeadlineFilesTest {

    private final WorkingCalendar bundled = DeadlineFiles.bundledCalendar();

    @Test
    void warnsAtStartWhenTheDayTwoMonthsAheadHasNoCalendarFile() {
        // given: the last year with a file
        int last = bundled.years().last();

        // then
        assertThat(DeadlineFiles.coverageWarning(bundled, "classpath:calendar/kz/", LocalDate.of(last, 10, 31)))
                .isEmpty();
        assertThat(DeadlineFiles.coverageWarning(bundled, "classpath:calendar/kz/", LocalDate.of(last, 11, 1)))
                .hasValueSatisfying(warning -> assertThat(warning).contains("no file for " + (last + 1),
                        "Add classpath:calendar/kz/" + (last + 1) + ".yml"));
    }
}
