package org.hotline.intake.complaint.application;

import java.time.Instant;
import java.util.UUID;
import org.hotline.intake.complaint.domain.Complaint;
import org.jspecify.annotations.Nullable;

/**
 * A complaint the intake has accepted and is about to make durable, with the names it is known by.
 *
 * @param fingerprint keyed fingerprint of the content, present when the client sent an idempotency key
 * @param idempotencyKeyId the idempotency key's own id, under which the idempotency ledger finds the complaint;
 *     present with the fingerprint
 * @param acknowledgementWithheld the complainant's address has had all the acknowledgements it may have
 *     ({@link AcknowledgementCap}): neither the acknowledgement nor the news of the case are to be mailed to it
 */
public record AcceptedComplaint(
        UUID complaintId,
        String reference,
        String trackingCode,
        Instant receivedAt,
        Complaint complaint,
        @Nullable String fingerprint,
        @Nullable UUID idempotencyKeyId,
        boolean acknowledgementWithheld) {

    @Override
    public String toString() {
        return "AcceptedComplaint[complaintId=" + complaintId + ", reference=" + reference + "]";
    }
}
