package org.hotline.cases.acknowledgement.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hotline.cases.casefile.domain.Answer;
import org.hotline.cases.casefile.domain.AnswerOutcome;
import org.jspecify.annotations.Nullable;

/**
 * An answer as typed in the body's form or sent by a caseworker, before it is checked. The body's texts are kept
 * bounded: {@code forwardedTo} one line of at most 200 characters (the name of a body), {@code reason} at most
 * 1000 (a paragraph of a refusal letter; the letter itself stays with the NGO). A text that does not belong to
 * the outcome (a reason with FORWARDED) is dropped, not refused: a form switched from one outcome to another
 * still holds what was typed for the first.
 */
public record AnswerInput(@Nullable String outcome, @Nullable String forwardedTo, @Nullable String reason,
        @Nullable String outgoingNumber, @Nullable String outgoingDate) {

    static final int MAX_FORWARDED_TO = 200;
    static final int MAX_REASON = 1000;
    static final int MAX_NUMBER = 64;

    /**
     * @param recordedBy {@link Answer#BY_BODY} or {@link Answer#BY_CASEWORKER}
     * @param today the day in the service's zone; an answer letter is not dated later
     * @throws InvalidInputException naming every field that needs fixing
     */
    public Answer validate(String recordedBy, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        AnswerOutcome chosen = outcome(problems);
        String forwarded = chosen == AnswerOutcome.FORWARDED
                ? Fields.line("forwardedTo", forwardedTo, MAX_FORWARDED_TO, true, problems) : null;
        String refusal = chosen == AnswerOutcome.REFUSED
                ? Fields.paragraph("reason", reason, MAX_REASON, true, problems) : null;
        String number = Fields.line("outgoingNumber", outgoingNumber, MAX_NUMBER, false, problems);
        LocalDate date = Fields.date("outgoingDate", outgoingDate, today, problems);
        if (chosen == null || !problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Answer(chosen, forwarded, refusal, number, date, recordedBy);
    }

    private @Nullable AnswerOutcome outcome(List<FieldProblem> problems) {
        String value = outcome == null ? "" : outcome.strip();
        try {
            return AnswerOutcome.valueOf(value);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("outcome", "must be one of " + Arrays.toString(AnswerOutcome.values())));
            return null;
        }
    }
}
