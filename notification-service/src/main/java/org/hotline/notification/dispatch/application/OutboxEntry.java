package org.hotline.notification.dispatch.application;

import java.time.Instant;

/**
 * A message of the outbox with what is known of its delivery so far.
 *
 * @param attempts how many sends were started or tried
 * @param queuedAt when it entered the outbox; retries stop some time after it
 */
public record OutboxEntry(QueuedMessage message, int attempts, Instant queuedAt) {
}
