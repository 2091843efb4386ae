package org.hotline.intake.complaint.messaging;

import java.time.Instant;
import java.util.UUID;
import org.hotline.intake.sealing.domain.SealedValue;

/**
 * Version 1 of a record on {@code complaints.keys.v1}, keyed by {@code <complaintId>/<kid>}: the complaint's data
 * key, which seals its fields, wrapped under the active service key. Tombstones of all its records are the
 * complaint's erasure.
 */
record ComplaintKeyRecord(int schemaVersion, UUID complaintId, Instant createdAt, SealedValue wrapped) {

    static final int SCHEMA_VERSION = 1;

    /** {@code kid} tells apart the keys of a complaint published more than once. */
    static String recordKey(UUID complaintId, String kid) {
        return complaintId + "/" + kid;
    }

    /** The associated data of the wrapped key: it opens only as this complaint's key. */
    static String wrappingContext(UUID complaintId) {
        return "complaints.keys.v1/" + complaintId;
    }
}
