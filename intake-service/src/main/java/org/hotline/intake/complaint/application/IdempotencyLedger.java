package org.hotline.intake.complaint.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What the intake remembers of complaints sent with an idempotency key: enough to answer a retry with the
 * same receipt and to refuse a reused key, and nothing about the complainant.
 */
public interface IdempotencyLedger {

    /** Whether the ledger has caught up with everything published before this instance started. */
    boolean isReady();

    Optional<Entry> find(UUID complaintId);

    void remember(Entry entry);

    record Entry(UUID complaintId, String fingerprint, Instant receivedAt) {
    }
}
