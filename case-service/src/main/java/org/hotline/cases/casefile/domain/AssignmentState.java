package org.hotline.cases.casefile.domain;

/** Where one body stands with one complaint, on a given day. The order is the order of progress. */
public enum AssignmentState {
    /** Routing chose the body; its email is not sent yet. */
    AWAITING_NOTICE,
    /** The email to the body failed for good; the NGO's caseworkers were alerted by notification-service. */
    NOTICE_FAILED,
    /** The body was emailed and has until {@code acknowledgeBy} to confirm receipt. */
    NOTIFIED,
    /** The body was emailed and did not confirm receipt by {@code acknowledgeBy}. */
    ACKNOWLEDGEMENT_OVERDUE,
    /** The body confirmed receipt with its registration number and has until {@code answerBy} to answer. */
    ACKNOWLEDGED,
    /** The body did not answer by {@code answerBy}. */
    ANSWER_OVERDUE,
    /**
     * The body did not answer by {@code answerBy} and the case went up its ladder past it (or the ladder ended with
     * it); it stays past its deadline, and an answer it sends still counts.
     */
    ESCALATED,
    /** The body answered. */
    ANSWERED
}
