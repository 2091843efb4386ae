package org.hotline.cases.casefile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AssignmentTest {

    private static final Instant ESCALATED = Instant.parse("2026-12-23T07:00:00Z");
    private static final Assignment RUNG = Assignment.rung("kz-39-prosecutor", "PROSECUTOR", "ru",
            LocalDate.parse("2026-12-28"), LocalDate.parse("2027-01-15"), ESCALATED, "kz-39-police", 0);

    @Test
    void aRungIsToldFromItsEscalationAndItsLetterBeingSentChangesNothing() {
        // when
        Assignment sent = RUNG.notified(ESCALATED.plusSeconds(40), true);

        // then
        assertThat(sent).isEqualTo(RUNG);
        assertThat(sent.told()).isTrue();
    }

    @Test
    void aRungWhoseLetterFailedForGoodIsNotCountedAsTold() {
        // when: the failure is read, and read again after a restart
        Assignment failed = RUNG.notified(ESCALATED.plusSeconds(40), false);
        Assignment again = failed.notified(ESCALATED.plusSeconds(40), false);

        // then
        assertThat(failed.told()).isFalse();
        assertThat(failed.noticeFailed()).isTrue();
        assertThat(failed.notifiedAt()).isNull();
        assertThat(again).isEqualTo(failed);
    }
}
