package org.hotline.cases.casefile.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A caseworker closed the case ({@code CaseClosed}): nothing more is reminded or escalated, and the status says
 * closed. The first closure stands.
 *
 * @param at the day the case was closed (noon of a day given, or the moment it was recorded)
 * @param reason why, one of {@link ClosureReason}
 * @param principal the caseworker's staff account
 * @param recordedAt when the closure was recorded (the event's {@code occurredAt}); {@code at} may be a day before
 *     it, as the caseworker gave it. Null in files written before it was kept
 */
public record Closure(Instant at, ClosureReason reason, @Nullable String principal, @Nullable Instant recordedAt) {

    /** A closure given for a day, recorded now or before it was kept. */
    public Closure(Instant at, ClosureReason reason, @Nullable String principal) {
        this(at, reason, principal, null);
    }

    /**
     * When retention starts to count: the later of the day given and the moment it was recorded, so that a closure
     * dated in the past (or mistyped) never makes a retention run out at once.
     */
    public Instant retentionFrom() {
        return recordedAt != null && recordedAt.isAfter(at) ? recordedAt : at;
    }
}
