package org.hotline.notification.dispatch.domain;

import java.time.Duration;

/**
 * Exponential back-off for transient SMTP failures.
 *
 * @param initial the wait after the first failure
 * @param multiplier how much each further wait grows
 * @param max the longest single wait
 * @param giveUpAfter how long after a message was queued transient failures stop being retried
 */
public record RetryPolicy(Duration initial, double multiplier, Duration max, Duration giveUpAfter) {

    public RetryPolicy {
        if (initial.isNegative() || initial.isZero() || multiplier < 1 || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("retry policy needs initial > 0, multiplier >= 1, max >= initial");
        }
    }

    /** The wait before attempt {@code failedAttempts + 1}. */
    public Duration delayAfter(int failedAttempts) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
}
