package org.hotline.cases.casefile.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A body's answer to a complaint, as the body gave it through its link or as a caseworker copied it from a letter
 * or a call. The texts are the body's words, not the complainant's, and are bounded (docs/case.md); each is kept
 * only with the outcome it belongs to.
 *
 * @param forwardedTo with {@link AnswerOutcome#FORWARDED}: the body it was forwarded to (one line, at most 200)
 * @param reason with {@link AnswerOutcome#REFUSED}: the body's reason (at most 1000 characters, line breaks kept)
 * @param outgoingNumber the outgoing number of the body's answer letter, when given (one line, at most 64)
 * @param outgoingDate the date of the body's answer letter, when given
 * @param recordedBy {@link #BY_BODY} or {@link #BY_CASEWORKER}
 */
public record Answer(AnswerOutcome outcome, @Nullable String forwardedTo, @Nullable String reason,
        @Nullable String outgoingNumber, @Nullable LocalDate outgoingDate, String recordedBy) {

    /** The body recorded it itself, through its link. */
    public static final String BY_BODY = "body";
    /** A caseworker recorded it from a letter or a call. */
    public static final String BY_CASEWORKER = "caseworker";
}
