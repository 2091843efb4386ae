package org.hotline.intake.complaint.web;

import jakarta.servlet.http.HttpServletRequest;
import org.hotline.intake.complaint.domain.Lane;
import org.hotline.intake.partner.web.Partner;
import org.hotline.web.ratelimit.ClientIdentifier;
import org.hotline.web.ratelimit.ClientKey;
import org.hotline.web.ratelimit.RateLimiter;
import org.jspecify.annotations.Nullable;

/**
 * The lane of a new complaint, from who sends it: a source's complaints within its priority allowance go in the
 * priority lane, the rest in the bulk lane. The source is what the rate limit counts: a partner account, or else
 * the client's address. Any complaint the controller reads takes from the allowance, valid or not: a source
 * that sends many invalid ones is no more urgent than one that sends many valid ones.
 */
public final class LaneAssigner {

    /** The lanes off: every complaint in the priority lane. */
    public static final LaneAssigner PRIORITY_ONLY = new LaneAssigner(null, null);

    private final @Nullable RateLimiter allowance;
    private final @Nullable ClientIdentifier clients;

    private LaneAssigner(@Nullable RateLimiter allowance, @Nullable ClientIdentifier clients) {
        this.allowance = allowance;
        this.clients = clients;
    }

    /** @param allowance a per-client limiter of the priority allowance */
    public static LaneAssigner byAllowance(RateLimiter allowance, ClientIdentifier clients) {
        return new LaneAssigner(allowance, clients);
    }

    Lane laneOf(HttpServletRequest request) {
        if (allowance == null || clients == null) {
            return Lane.PRIORITY;
        }
        Partner partner = Partner.of(request);
        ClientKey source = partner == null ? clients.identify(request) : partner.clientKey();
        return allowance.tryAcquire(source).refusedBy() == null ? Lane.PRIORITY : Lane.BULK;
    }
}
