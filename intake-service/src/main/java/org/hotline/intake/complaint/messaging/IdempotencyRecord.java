package org.hotline.intake.complaint.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A record of the intake's own compacted topic {@code intake.idempotency.v1}, keyed by the idempotency key's own
 * id ({@code ComplaintIdentities.complaintId(partner, key, 0)}) and written in the same transaction as the
 * complaint's event. The complaint's id is that one, or a further id of the key that put the complaint in its lane.
 * It is internal: integrators have no use for it.
 */
record IdempotencyRecord(UUID complaintId, String fingerprint, Instant receivedAt) {
}
