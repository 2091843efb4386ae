package org.hotline.cases.casefile.domain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One step up the escalation ladder: a body that stayed silent past its answer deadline, or that a caseworker
 * decided not to wait for, and the superior rung told in its place.
 *
 * @param reason why the step was taken: {@link #NO_ANSWER_BY_DEADLINE} or {@link #CASEWORKER_DECISION}
 * @param skipped the rungs passed over on the way, each with its reason (a body that oversees the accused, or one
 *     already told of the complaint)
 */
public record Escalation(String fromAuthorityId, String toAuthorityId, Instant at, String reason,
        @Nullable List<Skipped> skipped) {

    /** The body did not answer by its {@code answerBy}. */
    public static final String NO_ANSWER_BY_DEADLINE = "NO_ANSWER_BY_DEADLINE";

    /** A caseworker asked for the step ({@link EscalationRequest}), before or after the body's deadline. */
    public static final String CASEWORKER_DECISION = "CASEWORKER_DECISION";

    public Escalation {
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    /** A rung passed over: its authority id and why. */
    public record Skipped(String authorityId, String reason) {
    }
}
