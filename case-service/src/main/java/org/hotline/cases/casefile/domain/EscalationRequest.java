package org.hotline.cases.casefile.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A caseworker's request to send the case past a body to the next rung of its ladder now, without waiting for the
 * body's {@code answerBy} ({@code EscalationRequested}): the body refused to register the complaint, or its head is
 * close to the accused. The silence check takes the step at its next pass, with reason
 * {@link Escalation#CASEWORKER_DECISION}, whatever a hold on the body says.
 *
 * @param reason the caseworker's reason, for the case's timeline and the next rung's letter; never the
 *     complainant's details
 * @param principal the caseworker's staff account
 * @param at when the request was recorded
 */
public record EscalationRequest(String reason, @Nullable String principal, Instant at) {
}
