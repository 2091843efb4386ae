package org.hotline.cases.acknowledgement.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.hotline.cases.casefile.domain.Answer;
import org.hotline.cases.casefile.domain.AnswerOutcome;
import org.junit.jupiter.api.Test;

class AnswerInputTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 10);

    private static InvalidInputException refused(AnswerInput input) {
        return catchThrowableOfType(InvalidInputException.class, () -> input.validate(Answer.BY_BODY, TODAY));
    }

    @Test
    void keepsARefusalWithItsReasonAndTheLetterItCameIn() {
        Answer answer = new AnswerInput(" REFUSED ", null, "  Not within our competence;\r\nsee art. 76.  ",
                " 5-1/12 ", "2026-12-09").validate(Answer.BY_BODY, TODAY);

        assertThat(answer).isEqualTo(new Answer(AnswerOutcome.REFUSED, null,
                "Not within our competence;\nsee art. 76.", "5-1/12", LocalDate.of(2026, 12, 9), Answer.BY_BODY));
    }

    @Test
    void requiresTheBodyAForwardedComplaintWentToAndDropsTextsOfOtherOutcomes() {
        assertThat(refused(new AnswerInput("FORWARDED", "  ", null, null, null)).problems())
                .containsExactly(new FieldProblem("forwardedTo", "is required"));

        Answer forwarded = new AnswerInput("FORWARDED", "Prosecutor's office of Kostanay Region", "typed first",
                null, null).validate(Answer.BY_CASEWORKER, TODAY);
        assertThat(forwarded.forwardedTo()).isEqualTo("Prosecutor's office of Kostanay Region");
        assertThat(forwarded.reason()).isNull();
        assertThat(forwarded.recordedBy()).isEqualTo(Answer.BY_CASEWORKER);
    }

    @Test
    void namesEveryFieldThatNeedsFixingWithoutRepeatingItsValue() {
        InvalidInputException e = refused(new AnswerInput("REJECTED", null, null, "12\u0007", "2026-12-11"));

        assertThat(e.problems()).extracting(FieldProblem::field)
                .containsExactly("outcome", "outgoingNumber", "outgoingDate");
        assertThat(e.problems()).extracting(FieldProblem::problem).noneMatch(problem -> problem.contains("REJECTED"));
    }

    @Test
    void refusesOverlongTextsAndControlCharactersOtherThanLineBreaks() {
        assertThat(refused(new AnswerInput("FORWARDED", "x".repeat(201), null, null, null)).problems())
                .extracting(FieldProblem::field).containsExactly("forwardedTo");
        assertThat(refused(new AnswerInput("FORWARDED", "Police\nDepartment", null, null, null)).problems())
                .extracting(FieldProblem::field).containsExactly("forwardedTo");
        assertThat(refused(new AnswerInput("REFUSED", null, "x".repeat(1001), null, null)).problems())
                .extracting(FieldProblem::field).containsExactly("reason");
        assertThat(refused(new AnswerInput("REFUSED", null, "no\u001b[31m", null, null)).problems())
                .extracting(FieldProblem::field).containsExactly("reason");
        assertThat(refused(new AnswerInput("MEASURES_TAKEN", null, null, null, "10.12.2026")).problems())
                .containsExactly(new FieldProblem("outgoingDate", "must be a date as YYYY-MM-DD"));
    }
}
