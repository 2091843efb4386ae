package org.hotline.web.ratelimit;

import java.time.Duration;

/**
 * How fast a bucket refills and how much it holds.
 *
 * @param requests requests allowed per {@code period} over time
 * @param period the period of {@code requests}
 * @param burst requests allowed at once after a quiet spell: the bucket's capacity
 */
public record Rate(int requests, Duration period, int burst) {

    public Rate {
        if (requests < 1 || burst < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate needs requests >= 1, burst >= 1 and a positive period");
        }
    }

    double tokensPerSecond() {
        return requests / (period.toNanos() / 1e9);
    }

    /** How long an untouched bucket takes to fill up from empty: after that it is as good as new. */
    long nanosToFill() {
        return (long) Math.ceil(burst / tokensPerSecond() * 1e9);
    }
}
