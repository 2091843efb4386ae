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

    /**
     * The complaint sent with the idempotency key whose own id ({@code ComplaintIdentities.complaintId(partner,
     * key, 0)}) is {@code keyId}.
     */
    Optional<Entry> find(UUID keyId);

    void remember(UUID keyId, Entry entry);

    /**
     * @param complaintId the complaint's id: the key's own id, or a further id of the key that put the complaint in
     *     its lane
     */
    record Entry(UUID complaintId, String fingerprint, Instant receivedAt) {
    }
}
