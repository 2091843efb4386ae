package org.hotline.notification.dispatch.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.hotline.notification.dispatch.application.LedgerEntry.Known;
import org.hotline.notification.dispatch.application.LedgerEntry.Status;
import org.hotline.notification.dispatch.domain.FailureClass;
import org.junit.jupiter.api.Test;

class LedgerEntryKnownTest {

    private static final Instant QUEUED = Instant.parse("2026-12-07T08:00:00Z");
    private static final Instant AT = QUEUED.plusSeconds(3);

    @Test
    void everySentMessageWhoseResultWasRecordedIsOneSharedState() {
        // given two messages sent at different times, after different attempts
        Instant otherQueuedAt = QUEUED.plusSeconds(60);

        // when they are made known
        Known first = Known.of(Status.SENT, 1, null, QUEUED, AT, true);
        Known second = Known.of(Status.SENT, 3, null, otherQueuedAt, otherQueuedAt.plusSeconds(30), true);

        // then
        assertThat(first).isSameAs(second).isEqualTo(new Known.Done(Status.SENT, null));
    }

    @Test
    void aFailedMessageKeepsItsFailureClassForTheAlertAboutIt() {
        // given two failures of different classes
        FailureClass rejected = FailureClass.REJECTED;
        FailureClass exhausted = FailureClass.RETRIES_EXHAUSTED;

        // when
        Known first = Known.of(Status.FAILED, 1, rejected, QUEUED, AT, true);
        Known second = Known.of(Status.FAILED, 5, exhausted, QUEUED, AT, true);

        // then
        assertThat(first).isSameAs(Known.Done.of(Status.FAILED, rejected));
        assertThat(second).isSameAs(Known.Done.of(Status.FAILED, exhausted)).isNotEqualTo(first);
    }

    @Test
    void aMessageNotYetSettledOrSentWithoutItsResultKeepsItsAttemptsAndTimes() {
        // given a retry, an intent, and a sent message known from its sent-marker alone
        boolean markerAlone = false;

        // when
        Known retry = Known.of(Status.RETRY, 2, FailureClass.TRANSIENT, QUEUED, AT, true);
        Known intent = Known.of(Status.INTENT, 1, null, QUEUED, AT, true);
        Known sentByMarkerAlone = Known.of(Status.SENT, 1, null, QUEUED, AT, markerAlone);

        // then
        assertThat(retry).isEqualTo(new Known.Unfinished(Status.RETRY, 2, QUEUED, AT));
        assertThat(intent).isEqualTo(new Known.Unfinished(Status.INTENT, 1, QUEUED, AT));
        assertThat(sentByMarkerAlone).isEqualTo(new Known.Unfinished(Status.SENT, 1, QUEUED, AT));
    }

    @Test
    void aFailureIsFinalWhateverRecordedIt() {
        // given a failure not reported (no record writes one; a damaged or foreign record could)
        boolean reported = false;

        // when
        Known failed = Known.of(Status.FAILED, 1, FailureClass.REJECTED, QUEUED, AT, reported);

        // then
        assertThat(failed).isSameAs(Known.Done.of(Status.FAILED, FailureClass.REJECTED));
        assertThatThrownBy(() -> new Known.Unfinished(Status.FAILED, 1, QUEUED, AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnsettledStatusIsNeverDone() {
        // given
        Status retry = Status.RETRY;

        // when / then
        assertThatThrownBy(() -> Known.Done.of(retry, FailureClass.TRANSIENT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
