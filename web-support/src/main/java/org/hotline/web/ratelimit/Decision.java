package org.hotline.web.ratelimit;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The limiter's answer for one request.
 *
 * @param refusedBy the limit that refused the request, or null when it may go on
 * @param retryAfter when the refusing limit will have a token again (zero when allowed)
 */
public record Decision(@Nullable Limit refusedBy, Duration retryAfter) {

    /** Which limit refused a request; the only label of the refusals metric. */
    public enum Limit {
        CLIENT, GLOBAL
    }

    static final Decision ALLOWED = new Decision(null, Duration.ZERO);

    public boolean allowed() {
        return refusedBy == null;
    }
}
