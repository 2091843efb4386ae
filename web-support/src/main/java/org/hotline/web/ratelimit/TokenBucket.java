package org.hotline.web.ratelimit;

/**
 * A token bucket: holds at most {@code capacity} tokens, gains {@code tokensPerSecond} of them continuously, and a
 * request takes one. Times are {@link System#nanoTime()} readings passed in, so that tests control the clock.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long refilledAt;

    TokenBucket(Rate rate, long now) {
        this.capacity = rate.burst();
        this.tokensPerNano = rate.tokensPerSecond() / 1e9;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /** Takes a token: 0 when there was one, otherwise the nanoseconds until there will be one (nothing taken). */
    synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    /** Gives back a token taken for a request that another limit then refused. */
    synchronized void giveBack() {
        tokens = Math.min(capacity, tokens + 1);
    }

    private void refill(long now) {
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            refilledAt = now;
        }
    }
}
