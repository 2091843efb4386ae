package org.hotline.cases.casefile.domain;

/** Where a complaint stands as a whole, on a given day. */
public enum CaseState {
    /** Received by intake; no routing decision yet. */
    RECEIVED,
    /** Decided by routing; not every body's email is settled yet. */
    ROUTED,
    /** Every body was emailed (or its email failed for good); not all have confirmed receipt. */
    NOTIFIED,
    /** Every body confirmed receipt; not all have answered. */
    ACKNOWLEDGED,
    /** Every body answered. */
    ANSWERED,
    /** At least one body is past a deadline, and the silence check has not handled it yet (a reminder is due). */
    OVERDUE,
    /**
     * A body stayed silent past its answer deadline and the case went to the next rung of its ladder, whose clock
     * runs; no body is overdue without that being handled.
     */
    ESCALATED,
    /**
     * A body stayed silent after the last rung of its escalation ladder was told, or had none above it: a
     * caseworker prepares a dossier (for a court, the media, or an international body).
     */
    ESCALATION_EXHAUSTED,
    /** A caseworker closed the case (its {@link Closure} says why): nothing more is reminded or escalated. */
    CLOSED
}
