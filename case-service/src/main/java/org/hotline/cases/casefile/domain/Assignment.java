package org.hotline.cases.casefile.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One body's part in a complaint: who it is, its deadlines (fixed when the decision arrived), and what happened.
 * Its state is not stored: it follows from these facts and the day it is asked on, so "overdue" never goes stale.
 *
 * @param authorityName the body's name by language ({@code kk}, {@code ru}, {@code en})
 * @param role {@code PRIMARY} or {@code COPY}
 * @param language the body's correspondence language, for the pages it is shown
 * @param noticeFailed true when its email failed for good
 */
public record Assignment(String authorityId, String authorityType, Map<String, String> authorityName, String role,
        String language, LocalDate acknowledgeBy, LocalDate answerBy, @Nullable Instant notifiedAt,
        boolean noticeFailed, @Nullable Instant acknowledgedAt, @Nullable String registrationNumber,
        @Nullable Instant answeredAt) {

    public Assignment {
        authorityName = Map.copyOf(authorityName);
    }

    public AssignmentState state(LocalDate today) {
        if (answeredAt != null) {
            return AssignmentState.ANSWERED;
        }
        if (today.isAfter(answerBy) && (notifiedAt != null || acknowledgedAt != null)) {
            return AssignmentState.ANSWER_OVERDUE;
        }
        if (acknowledgedAt != null) {
            return AssignmentState.ACKNOWLEDGED;
        }
        if (notifiedAt != null) {
            return today.isAfter(acknowledgeBy) ? AssignmentState.ACKNOWLEDGEMENT_OVERDUE : AssignmentState.NOTIFIED;
        }
        return noticeFailed ? AssignmentState.NOTICE_FAILED : AssignmentState.AWAITING_NOTICE;
    }

    Assignment notified(Instant at, boolean sent) {
        if (notifiedAt != null) {
            return this;
        }
        return sent
                ? new Assignment(authorityId, authorityType, authorityName, role, language, acknowledgeBy, answerBy,
                        at, false, acknowledgedAt, registrationNumber, answeredAt)
                : new Assignment(authorityId, authorityType, authorityName, role, language, acknowledgeBy, answerBy,
                        null, true, acknowledgedAt, registrationNumber, answeredAt);
    }

    /** The first acknowledgement stands: a link used twice does not change the number the body gave. */
    Assignment acknowledged(Instant at, String number) {
        if (acknowledgedAt != null) {
            return this;
        }
        return new Assignment(authorityId, authorityType, authorityName, role, language, acknowledgeBy, answerBy,
                notifiedAt, noticeFailed, at, number, answeredAt);
    }
}
