package org.hotline.cases.console.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotline.cases.casefile.domain.Assignment;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.casefile.domain.CaseState;
import org.hotline.cases.casefile.domain.Closure;
import org.hotline.cases.casefile.domain.ClosureReason;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CaseQueueTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-10");
    private static final Instant RECEIVED = Instant.parse("2026-12-01T05:00:00Z");

    @Test
    void putsACaseInTheLaneOfItsStateAndUnderFailedDeliveriesWhileAnEmailFailed() {
        // given a case told to one body, and one whose email to its only body failed for good
        CaseFile told = file("HL-0001-0000-0001", RECEIVED, false, LocalDate.parse("2026-12-15"), null);
        CaseFile failed = file("HL-0001-0000-0002", RECEIVED, true, LocalDate.parse("2026-12-15"), null);

        // when both are queued
        CaseQueue queue = new CaseQueue(TODAY, 10);
        queue.add(told);
        queue.add(failed);

        // then both are new, and the failed one is also under failed deliveries
        assertThat(queue.entries(Lane.NEW)).extracting(QueueEntry::reference)
                .containsExactly("HL-0001-0000-0001", "HL-0001-0000-0002");
        assertThat(queue.entries(Lane.FAILED_DELIVERIES)).extracting(QueueEntry::reference)
                .containsExactly("HL-0001-0000-0002");
        assertThat(queue.count(Lane.OVERDUE)).isZero();
    }

    @Test
    void aBodyPastItsDeadlineMakesTheCaseOverdueAndAClosedCaseLeavesFailedDeliveries() {
        // given a case whose body had to confirm by yesterday, and a closed case whose email had failed
        CaseFile late = file("HL-0001-0000-0003", RECEIVED, false, TODAY.minusDays(1), null);
        CaseFile closed = file("HL-0001-0000-0004", RECEIVED, true, TODAY.minusDays(1),
                new Closure(RECEIVED.plusSeconds(86_400), ClosureReason.WITHDRAWN, "caseworker-1", null));

        // when they are queued
        CaseQueue queue = new CaseQueue(TODAY, 10);
        queue.add(late);
        queue.add(closed);

        // then the first is overdue, the second closed and nowhere else
        assertThat(queue.entries(Lane.OVERDUE)).extracting(QueueEntry::state).containsExactly(CaseState.OVERDUE);
        assertThat(queue.entries(Lane.CLOSED)).extracting(QueueEntry::reference).containsExactly("HL-0001-0000-0004");
        assertThat(queue.count(Lane.FAILED_DELIVERIES)).isZero();
    }

    @Test
    void listsTheOldestOfALaneOnlyAndCountsThemAll() {
        // given five new cases, received a day apart, queued newest first
        CaseQueue queue = new CaseQueue(TODAY, 2);
        for (int day = 5; day >= 1; day--) {
            queue.add(file("HL-0001-0000-000" + day, RECEIVED.plusSeconds(86_400L * day), false,
                    LocalDate.parse("2026-12-31"), null));
        }

        // then the lane counts five and lists the two received first, oldest first
        assertThat(queue.count(Lane.NEW)).isEqualTo(5);
        assertThat(queue.entries(Lane.NEW)).extracting(QueueEntry::reference)
                .containsExactly("HL-0001-0000-0001", "HL-0001-0000-0002");
    }

    @Test
    void refusesALaneThatShowsNothing() {
        assertThatThrownBy(() -> new CaseQueue(TODAY, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A decided case with one body, emailed at receipt (or its email failed), to confirm by {@code acknowledgeBy}. */
    private static CaseFile file(String reference, Instant receivedAt, boolean noticeFailed, LocalDate acknowledgeBy,
            @Nullable Closure closure) {
        Assignment body = new Assignment("kz-39-police", "POLICE", Map.of("ru", "Полиция"), "PRIMARY", "ru",
                acknowledgeBy, acknowledgeBy.plusDays(20), receivedAt.plusSeconds(5), noticeFailed, null, null, null);
        return new CaseFile(UUID.randomUUID(), reference, null, receivedAt, true, List.of(body), List.of(), List.of(),
                null, null, closure);
    }
}
