package org.hotline.cases.console.domain;

import java.util.EnumSet;
import java.util.Set;
import org.hotline.cases.casefile.domain.Assignment;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.casefile.domain.CaseState;

/**
 * The console's queue, in the order a caseworker works through it: what needs a person first. A case is in the lane
 * of its state, and also under {@link #FAILED_DELIVERIES} while an email to one of its bodies has failed for good.
 */
public enum Lane {
    /** A body's email failed for good: nobody was told, and only a caseworker can reach the body. */
    FAILED_DELIVERIES,
    /** The ladder ended with a silent body: a caseworker prepares the dossier. */
    NEEDS_DOSSIER,
    /** A body is past a deadline and the silence check has not yet reminded or escalated it. */
    OVERDUE,
    /** A silent body's case went up its ladder; the next body's clock runs. */
    ESCALATED,
    /** Received, routed or told; no body has confirmed receipt of all of it yet. */
    NEW,
    /** Every body confirmed receipt; answers awaited. */
    IN_PROGRESS,
    /** Every body answered: the caseworker decides whether to close. */
    ANSWERED,
    /** Closed by a caseworker. */
    CLOSED;

    /** The lanes {@code file} is in on {@code today}: its state's, and failed deliveries' while it has one open. */
    public static Set<Lane> of(CaseFile file, CaseState state) {
        Set<Lane> lanes = EnumSet.of(of(state));
        if (state != CaseState.CLOSED && file.assignments().stream().anyMatch(Assignment::noticeFailed)) {
            lanes.add(FAILED_DELIVERIES);
        }
        return lanes;
    }

    private static Lane of(CaseState state) {
        return switch (state) {
            case RECEIVED, ROUTED, NOTIFIED -> NEW;
            case ACKNOWLEDGED -> IN_PROGRESS;
            case ANSWERED -> ANSWERED;
            case OVERDUE -> OVERDUE;
            case ESCALATED -> ESCALATED;
            case ESCALATION_EXHAUSTED -> NEEDS_DOSSIER;
            case CLOSED -> CLOSED;
        };
    }
}
