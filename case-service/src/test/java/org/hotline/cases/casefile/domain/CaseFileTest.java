package org.hotline.cases.casefile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotline.cases.casefile.domain.CaseEvent.BodyAcknowledged;
import org.hotline.cases.casefile.domain.CaseEvent.BodyAnswered;
import org.hotline.cases.casefile.domain.CaseEvent.BodyNotified;
import org.hotline.cases.casefile.domain.CaseEvent.ComplaintDecided;
import org.hotline.cases.casefile.domain.CaseEvent.ComplaintRegistered;
import org.junit.jupiter.api.Test;

class CaseFileTest {

    private static final UUID ID = UUID.fromString("0f6c2a7e-1b1d-4c1e-9d55-3a1f6b2f0a11");
    private static final Instant RECEIVED = Instant.parse("2026-11-30T05:00:00Z");
    private static final LocalDate ACKNOWLEDGE_BY = LocalDate.of(2026, 12, 3);
    private static final LocalDate ANSWER_BY = LocalDate.of(2026, 12, 22);
    private static final LocalDate RECEIVED_DAY = LocalDate.of(2026, 11, 30);

    private static Assignment body(String id) {
        return new Assignment(id, "EDUCATION_AUTHORITY", Map.of("en", id), "PRIMARY", "ru", ACKNOWLEDGE_BY, ANSWER_BY,
                null, false, null, null, null);
    }

    private static final ComplaintRegistered REGISTERED = new ComplaintRegistered(ID, "HL-1", RECEIVED, "hash");
    private static final ComplaintDecided DECIDED = new ComplaintDecided(ID, "HL-1", RECEIVED, "hash",
            List.of(body("a"), body("b")), Circumstances.UNKNOWN);
    private static final BodyNotified A_NOTIFIED = new BodyNotified(ID, "a", RECEIVED.plusSeconds(5), true);
    private static final BodyNotified B_NOTIFIED = new BodyNotified(ID, "b", RECEIVED.plusSeconds(6), true);

    private static CaseFile applied(CaseEvent... events) {
        CaseFile file = CaseFile.open(ID);
        for (CaseEvent event : events) {
            file = file.apply(event);
        }
        return file;
    }

    @Test
    void givesTheSameFileWhicheverOrderTheTopicsAreReadIn() {
        CaseFile inOrder = applied(REGISTERED, DECIDED, A_NOTIFIED, B_NOTIFIED);

        assertThat(applied(A_NOTIFIED, DECIDED, REGISTERED, B_NOTIFIED)).isEqualTo(inOrder);
        assertThat(applied(B_NOTIFIED, A_NOTIFIED, REGISTERED, DECIDED)).isEqualTo(inOrder);
        assertThat(inOrder.assignment("a").orElseThrow().notifiedAt()).isEqualTo(RECEIVED.plusSeconds(5));
    }

    @Test
    void keepsTheFirstAcknowledgementWhenALinkIsUsedTwice() {
        CaseFile file = applied(DECIDED, A_NOTIFIED,
                new BodyAcknowledged(ID, "a", RECEIVED.plusSeconds(100), "No. 123"),
                new BodyAcknowledged(ID, "a", RECEIVED.plusSeconds(200), "No. 999"));

        Assignment a = file.assignment("a").orElseThrow();
        assertThat(a.registrationNumber()).isEqualTo("No. 123");
        assertThat(a.acknowledgedAt()).isEqualTo(RECEIVED.plusSeconds(100));
    }

    @Test
    void isOverdueFromTheDayAfterADeadlineAndNotOnIt() {
        CaseFile file = applied(DECIDED, A_NOTIFIED, B_NOTIFIED);

        assertThat(file.state(ACKNOWLEDGE_BY)).isEqualTo(CaseState.NOTIFIED);
        assertThat(file.state(ACKNOWLEDGE_BY.plusDays(1))).isEqualTo(CaseState.OVERDUE);
        assertThat(file.assignment("a").orElseThrow().state(ACKNOWLEDGE_BY.plusDays(1)))
                .isEqualTo(AssignmentState.ACKNOWLEDGEMENT_OVERDUE);
    }

    @Test
    void movesToAcknowledgedWhenEveryBodyConfirmsAndIsOverdueAgainAfterTheAnswerDeadline() {
        CaseFile file = applied(DECIDED, A_NOTIFIED, B_NOTIFIED,
                new BodyAcknowledged(ID, "a", RECEIVED.plusSeconds(100), "1"),
                new BodyAcknowledged(ID, "b", RECEIVED.plusSeconds(100), "2"));

        assertThat(file.state(ANSWER_BY)).isEqualTo(CaseState.ACKNOWLEDGED);
        assertThat(file.state(ANSWER_BY.plusDays(1))).isEqualTo(CaseState.OVERDUE);
        assertThat(file.assignment("b").orElseThrow().state(ANSWER_BY.plusDays(1)))
                .isEqualTo(AssignmentState.ANSWER_OVERDUE);
    }

    @Test
    void isReceivedBeforeTheDecisionAndRoutedUntilEveryEmailIsSettled() {
        assertThat(applied(REGISTERED).state(RECEIVED_DAY)).isEqualTo(CaseState.RECEIVED);
        assertThat(applied(REGISTERED, DECIDED, A_NOTIFIED).state(RECEIVED_DAY)).isEqualTo(CaseState.ROUTED);
        CaseFile failed = applied(DECIDED, A_NOTIFIED, new BodyNotified(ID, "b", RECEIVED, false));
        assertThat(failed.assignment("b").orElseThrow().state(RECEIVED_DAY)).isEqualTo(AssignmentState.NOTICE_FAILED);
        assertThat(failed.state(RECEIVED_DAY)).isEqualTo(CaseState.NOTIFIED);
    }

    @Test
    void matchesTheTrackingCodeWhateverItsCaseAndSpacesAndNothingElse() {
        String hash = TrackingCodes.hash(ID, "7F3K-9QX2-ABCD-EFGH");

        assertThat(TrackingCodes.matches(hash, ID, " 7f3k-9qx2-abcd-efgh ")).isTrue();
        assertThat(TrackingCodes.matches(hash, ID, "7F3K-9QX2-ABCD-EFGJ")).isFalse();
        assertThat(TrackingCodes.matches(hash, UUID.randomUUID(), "7F3K-9QX2-ABCD-EFGH")).isFalse();
        assertThat(TrackingCodes.matchesNothing("7F3K-9QX2-ABCD-EFGH")).isFalse();
    }

    private static Answer answer(AnswerOutcome outcome) {
        return new Answer(outcome, null, null, "01-15/777", LocalDate.of(2026, 12, 10), Answer.BY_BODY);
    }

    @Test
    void recordsAnAnswerWithItsOutcomeAndKeepsTheAcknowledgementBeforeIt() {
        Instant acknowledged = RECEIVED.plusSeconds(100);
        Instant answered = RECEIVED.plusSeconds(86_400 * 10);

        CaseFile file = applied(DECIDED, A_NOTIFIED, new BodyAcknowledged(ID, "a", acknowledged, "No. 123"),
                new BodyAnswered(ID, "a", answered, answer(AnswerOutcome.MEASURES_TAKEN)));

        Assignment a = file.assignment("a").orElseThrow();
        assertThat(a.answeredAt()).isEqualTo(answered);
        assertThat(a.answer()).isEqualTo(answer(AnswerOutcome.MEASURES_TAKEN));
        assertThat(a.acknowledgedAt()).isEqualTo(acknowledged);
        assertThat(a.registrationNumber()).isEqualTo("No. 123");
        assertThat(a.state(ANSWER_BY.plusDays(30))).isEqualTo(AssignmentState.ANSWERED);
    }

    @Test
    void countsAnAnswerFromABodyThatNeverAcknowledgedAsItsAcknowledgementToo() {
        Instant answered = RECEIVED.plusSeconds(86_400 * 5);

        Assignment a = applied(DECIDED, A_NOTIFIED, new BodyAnswered(ID, "a", answered,
                answer(AnswerOutcome.ACCEPTED_FOR_CONSIDERATION))).assignment("a").orElseThrow();

        assertThat(a.acknowledgedAt()).isEqualTo(answered);
        assertThat(a.registrationNumber()).isNull();
        assertThat(a.state(ACKNOWLEDGE_BY.plusDays(1))).isEqualTo(AssignmentState.ANSWERED);
    }

    @Test
    void keepsTheFirstAnswerWhenASecondArrives() {
        Instant first = RECEIVED.plusSeconds(1_000);

        Assignment a = applied(DECIDED, A_NOTIFIED,
                new BodyAnswered(ID, "a", first, answer(AnswerOutcome.ACCEPTED_FOR_CONSIDERATION)),
                new BodyAnswered(ID, "a", first.plusSeconds(1_000), answer(AnswerOutcome.REFUSED)))
                .assignment("a").orElseThrow();

        assertThat(a.answeredAt()).isEqualTo(first);
        assertThat(a.answer().outcome()).isEqualTo(AnswerOutcome.ACCEPTED_FOR_CONSIDERATION);
    }

    @Test
    void isAnsweredOnlyWhenEveryBodyHasAnswered() {
        CaseFile oneAnswered = applied(DECIDED, A_NOTIFIED, B_NOTIFIED,
                new BodyAcknowledged(ID, "b", RECEIVED.plusSeconds(100), "2"),
                new BodyAnswered(ID, "a", RECEIVED.plusSeconds(200), answer(AnswerOutcome.FORWARDED)));

        assertThat(oneAnswered.state(ACKNOWLEDGE_BY)).isEqualTo(CaseState.ACKNOWLEDGED);
        assertThat(oneAnswered.apply(new BodyAnswered(ID, "b", RECEIVED.plusSeconds(300),
                answer(AnswerOutcome.REFUSED))).state(ANSWER_BY.plusDays(1))).isEqualTo(CaseState.ANSWERED);
    }
}
