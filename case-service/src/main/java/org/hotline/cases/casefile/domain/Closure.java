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
 */
public record Closure(Instant at, ClosureReason reason, @Nullable String principal) {
}
