package org.hotline.intake.complaint.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A record of the intake's own compacted topic {@code intake.idempotency.v1}, keyed by complaint id and
 * written in the same transaction as the complaint's event. It is internal: integrators have no use for it.
 */
record IdempotencyRecord(UUID complaintId, String fingerprint, Instant receivedAt) {
}
