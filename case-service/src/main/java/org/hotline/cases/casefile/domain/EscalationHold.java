package org.hotline.cases.casefile.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A caseworker's hold on a body's escalation ({@code EscalationHeld}): the body promised its answer by phone or
 * letter, or asked for a few more days, so its silence past {@code answerBy} does not send the case up the ladder
 * until the day after {@code until}. The latest hold on a body stands; a hold without {@code until} lifts the one
 * before it, and the silence check escalates the body at its next pass if its deadline has passed.
 *
 * @param until the last day (Asia/Almaty) the escalation waits; null when the hold is lifted
 * @param reason the caseworker's reason, for the case's timeline; never the complainant's details
 * @param principal the caseworker's staff account
 * @param at when the hold was recorded
 */
public record EscalationHold(@Nullable LocalDate until, String reason, @Nullable String principal, Instant at) {

    /** True while the body's escalation waits on {@code today}. */
    public boolean holds(LocalDate today) {
        return until != null && !today.isAfter(until);
    }
}
