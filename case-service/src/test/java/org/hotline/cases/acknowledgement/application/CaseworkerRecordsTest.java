package org.hotline.cases.acknowledgement.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hotline.cases.casefile.domain.Answer;
import org.hotline.cases.casefile.domain.AnswerOutcome;
import org.hotline.cases.casefile.domain.Assignment;
import org.hotline.cases.casefile.domain.CaseEvent.BodyAnswered;
import org.hotline.cases.casefile.domain.CaseEvent.ComplaintDecided;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.casefile.domain.CaseEvent;
import org.hotline.cases.casefile.domain.Circumstances;
import org.hotline.cases.casefile.domain.Closure;
import org.hotline.cases.casefile.domain.ClosureReason;
import org.hotline.cases.casefile.domain.EscalationRequest;
import org.junit.jupiter.api.Test;

class CaseworkerRecordsTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final UUID ID = UUID.fromString("0f6c2a7e-1b1d-4c1e-9d55-3a1f6b2f0a11");
    private static final Instant RECEIVED = Instant.parse("2026-11-30T05:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-10T06:00:00Z");

    private final List<String> published = new ArrayList<>();
    private CaseFile file = CaseFile.open(ID).apply(new ComplaintDecided(ID, "HL-7F3K-9QX2-ABCD", RECEIVED, "hash",
            List.of(new Assignment("kz-39-police", "POLICE", Map.of(), "PRIMARY", "ru", LocalDate.of(2026, 12, 3),
                    LocalDate.of(2026, 12, 22), RECEIVED, false, null, null, null)), Circumstances.UNKNOWN));

    private final CaseworkerRecords records = new CaseworkerRecords(
            reference -> Optional.of(file).filter(found -> reference.equals(found.reference())),
            new AcknowledgementPublisher() {
                @Override
                public UUID acknowledged(UUID complaintId, String authorityId, Instant at, String number,
                        RecordedBy by) {
                    published.add("acknowledged " + authorityId + " " + at + " " + number + " " + by);
                    return UUID.randomUUID();
                }

                @Override
                public UUID answered(UUID complaintId, String authorityId, Instant at, Answer answer, RecordedBy by) {
                    published.add("answered " + authorityId + " " + at + " " + answer.outcome() + " " + by);
                    return UUID.randomUUID();
                }

                @Override
                public UUID held(UUID complaintId, String reference, String authorityId, LocalDate heldUntil,
                        String reason, RecordedBy by) {
                    published.add("held " + authorityId + " until " + heldUntil + " " + reason + " " + by);
                    return UUID.randomUUID();
                }

                @Override
                public UUID escalationRequested(UUID complaintId, String reference, String authorityId,
                        String reason, RecordedBy by) {
                    published.add("escalation past " + authorityId + " " + reason + " " + by);
                    return UUID.randomUUID();
                }

                @Override
                public UUID closed(UUID complaintId, String reference, Instant at, ClosureReason reason,
                        RecordedBy by) {
                    published.add("closed " + reference + " " + at + " " + reason + " " + by);
                    return UUID.randomUUID();
                }
            }, Clock.fixed(NOW, ZoneOffset.UTC), ALMATY, "kz-39-police"::equals);

    @Test
    void closesACaseWithItsReasonOnTheDayGivenAndNamesTheCaseworker() {
        records.close("hl-7f3k-9qx2-abcd", "RESOLVED", "2026-12-09", "dev-staff");

        assertThat(published).containsExactly("closed HL-7F3K-9QX2-ABCD 2026-12-09T07:00:00Z RESOLVED "
                + "RecordedBy[kind=caseworker, principal=dev-staff]");
    }

    @Test
    void refusesAClosureWithoutAKnownReasonOrWithADayBeforeTheComplaintNamingEachField() {
        InvalidInputException missing = catchThrowableOfType(InvalidInputException.class,
                () -> records.close("HL-7F3K-9QX2-ABCD", null, null, "dev-staff"));
        InvalidInputException wrong = catchThrowableOfType(InvalidInputException.class,
                () -> records.close("HL-7F3K-9QX2-ABCD", "SETTLED", "2026-11-01", "dev-staff"));

        assertThat(missing.problems()).extracting(FieldProblem::field).containsExactly("reason");
        assertThat(wrong.problems()).extracting(FieldProblem::field).containsExactly("reason", "closedOn");
        assertThat(published).isEmpty();
    }

    @Test
    void refusesToCloseACaseClosedAlreadyTheFirstClosureStands() {
        file = file.apply(new CaseEvent.CaseClosed(ID, new Closure(NOW, ClosureReason.WITHDRAWN, "dev-staff")));

        assertThatThrownBy(() -> records.close("HL-7F3K-9QX2-ABCD", "RESOLVED", null, "dev-staff"))
                .isInstanceOf(AlreadyRecordedException.class).hasMessageContaining("closed already");
        assertThat(published).isEmpty();
    }

    @Test
    void holdsABodysEscalationUntilADayWithinNinetyDaysAndLiftsOnlyAHoldThatStands() {
        // given today, 10 December in Almaty
        // when a hold is asked for beyond 90 days, before today, without a reason, then a lift before any hold
        InvalidInputException far = catchThrowableOfType(InvalidInputException.class, () -> records.hold(
                "HL-7F3K-9QX2-ABCD", "kz-39-police", "2027-03-11", "promised", "dev-staff"));
        InvalidInputException past = catchThrowableOfType(InvalidInputException.class, () -> records.hold(
                "HL-7F3K-9QX2-ABCD", "kz-39-police", "2026-12-09", " ", "dev-staff"));
        Throwable noHold = catchThrowableOfType(NothingToHoldException.class, () -> records.hold(
                "HL-7F3K-9QX2-ABCD", "kz-39-police", null, "lift", "dev-staff"));
        records.hold("hl-7f3k-9qx2-abcd", "kz-39-police", "2027-03-10", "The head called: the answer is signed.",
                "dev-staff");

        // then each refusal names its fields, and only the valid hold is published, to the ninetieth day
        assertThat(far.problems()).extracting(FieldProblem::field).containsExactly("heldUntil");
        assertThat(past.problems()).extracting(FieldProblem::field).containsExactly("reason", "heldUntil");
        assertThat(noHold).hasMessageContaining("no hold");
        assertThat(published).containsExactly("held kz-39-police until 2027-03-10 The head called: the answer is "
                + "signed. RecordedBy[kind=caseworker, principal=dev-staff]");
    }

    @Test
    void refusesToHoldABodyThatAnsweredOrACaseThatIsClosed() {
        // given the police answered
        file = file.apply(new BodyAnswered(ID, "kz-39-police", NOW, new Answer(AnswerOutcome.MEASURES_TAKEN, null,
                null, null, null, Answer.BY_BODY)));

        // when
        Throwable answered = catchThrowableOfType(NothingToHoldException.class, () -> records.hold(
                "HL-7F3K-9QX2-ABCD", "kz-39-police", "2026-12-20", "promised", "dev-staff"));
        file = file.apply(new CaseEvent.CaseClosed(ID, new Closure(NOW, ClosureReason.RESOLVED, "dev-staff")));
        Throwable closed = catchThrowableOfType(NothingToHoldException.class, () -> records.hold(
                "HL-7F3K-9QX2-ABCD", "kz-39-police", "2026-12-20", "promised", "dev-staff"));

        // then
        assertThat(answered).hasMessageContaining("answered");
        assertThat(closed).hasMessageContaining("closed");
        assertThat(published).isEmpty();
    }

    @Test
    void asksToEscalatePastAToldBodyBeforeItsDeadlineWithAReasonOnce() {
        // given today, 10 December, twelve days before the police's deadline
        // when an escalation is asked for without a reason, then with one
        InvalidInputException noReason = catchThrowableOfType(InvalidInputException.class, () -> records.escalate(
                "HL-7F3K-9QX2-ABCD", "kz-39-police", " ", "dev-staff"));
        records.escalate("hl-7f3k-9qx2-abcd", "kz-39-police", "The police refused to register it by phone.",
                "dev-staff");

        // then the refusal names the field, and the request is published with the caseworker's name
        assertThat(noReason.problems()).extracting(FieldProblem::field).containsExactly("reason");
        assertThat(published).containsExactly("escalation past kz-39-police The police refused to register it by "
                + "phone. RecordedBy[kind=caseworker, principal=dev-staff]");

        // and once the case file has the request, a second is refused: the first stands
        file = file.apply(new CaseEvent.EscalationRequested(ID, "kz-39-police", new EscalationRequest("first",
                "dev-staff", NOW)));
        assertThat(catchThrowableOfType(NothingToEscalateException.class, () -> records.escalate(
                "HL-7F3K-9QX2-ABCD", "kz-39-police", "again", "dev-staff"))).hasMessageContaining("asked for already");
    }

    @Test
    void refusesToEscalatePastABodyNeverToldOneWithoutALadderOrOneThatAnswered() {
        // given a case whose police was never emailed, and an education department with no ladder above it
        file = CaseFile.open(ID).apply(new ComplaintDecided(ID, "HL-7F3K-9QX2-ABCD", RECEIVED, "hash", List.of(
                new Assignment("kz-39-police", "POLICE", Map.of(), "PRIMARY", "ru", LocalDate.of(2026, 12, 3),
                        LocalDate.of(2026, 12, 22), null, false, null, null, null),
                new Assignment("kz-39-education", "EDUCATION_AUTHORITY", Map.of(), "PRIMARY", "ru",
                        LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 22), RECEIVED, false, null, null, null)),
                Circumstances.UNKNOWN));

        // when
        Throwable untold = catchThrowableOfType(NothingToEscalateException.class, () -> records.escalate(
                "HL-7F3K-9QX2-ABCD", "kz-39-police", "refused", "dev-staff"));
        Throwable noLadder = catchThrowableOfType(NothingToEscalateException.class, () -> records.escalate(
                "HL-7F3K-9QX2-ABCD", "kz-39-education", "refused", "dev-staff"));
        file = file.apply(new BodyAnswered(ID, "kz-39-police", NOW, new Answer(AnswerOutcome.MEASURES_TAKEN, null,
                null, null, null, Answer.BY_BODY)));
        Throwable answered = catchThrowableOfType(NothingToEscalateException.class, () -> records.escalate(
                "HL-7F3K-9QX2-ABCD", "kz-39-police", "refused", "dev-staff"));

        // then each says why, and nothing is published
        assertThat(untold).hasMessageContaining("never told");
        assertThat(noLadder).hasMessageContaining("no escalation ladder");
        assertThat(answered).hasMessageContaining("answered");
        assertThat(published).isEmpty();
    }

    @Test
    void recordsALetterOfAnEarlierDayAtNoonInAlmatyAndNamesTheCaseworker() {
        records.acknowledge("hl-7f3k-9qx2-abcd", "kz-39-police", " ЖТ-2026/01234 ", "2026-12-02", "dev-staff");

        assertThat(published).containsExactly("acknowledged kz-39-police 2026-12-02T07:00:00Z ЖТ-2026/01234 "
                + "RecordedBy[kind=caseworker, principal=dev-staff]");
    }

    @Test
    void recordsACallOfTodayAtTheMomentItIsRecorded() {
        records.answer("HL-7F3K-9QX2-ABCD", "kz-39-police",
                new AnswerInput("MEASURES_TAKEN", null, null, null, null), null, "dev-staff");

        assertThat(published).containsExactly("answered kz-39-police " + NOW + " MEASURES_TAKEN "
                + "RecordedBy[kind=caseworker, principal=dev-staff]");
    }

    @Test
    void tellsAnUnknownCaseFromABodyTheCaseWasNotSentTo() {
        assertThat(catchThrowableOfType(UnknownAssignmentException.class, () -> records.acknowledge("HL-0000-0000-0000",
                "kz-39-police", "1", null, "dev-staff")).caseKnown()).isFalse();
        assertThat(catchThrowableOfType(UnknownAssignmentException.class, () -> records.acknowledge("HL-7F3K-9QX2-ABCD",
                "kz-39-labour-inspection", "1", null, "dev-staff")).caseKnown()).isTrue();
        assertThat(published).isEmpty();
    }

    @Test
    void refusesADayBeforeTheComplaintOrAfterTodayAndAMissingNumber() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> records.acknowledge(
                "HL-7F3K-9QX2-ABCD", "kz-39-police", " ", "2026-11-29", "dev-staff"));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("registrationNumber", "acknowledgedOn");

        InvalidInputException future = catchThrowableOfType(InvalidInputException.class, () -> records.answer(
                "HL-7F3K-9QX2-ABCD", "kz-39-police", new AnswerInput("REFUSED", null, null, null, null), "2026-12-11",
                "dev-staff"));
        assertThat(future.problems()).extracting(FieldProblem::field).containsExactly("answeredOn", "reason");
        assertThat(published).isEmpty();
    }

    @Test
    void refusesASecondAnswerAndAnAcknowledgementAfterTheAnswer() {
        file = file.apply(new BodyAnswered(ID, "kz-39-police", NOW, new Answer(AnswerOutcome.MEASURES_TAKEN, null,
                null, null, null, Answer.BY_BODY)));

        assertThatThrownBy(() -> records.answer("HL-7F3K-9QX2-ABCD", "kz-39-police",
                new AnswerInput("REFUSED", null, "late", null, null), null, "dev-staff"))
                .isInstanceOf(AlreadyRecordedException.class);
        assertThatThrownBy(() -> records.acknowledge("HL-7F3K-9QX2-ABCD", "kz-39-police", "1", null, "dev-staff"))
                .isInstanceOf(AlreadyRecordedException.class);
        assertThat(published).isEmpty();
    }
}
