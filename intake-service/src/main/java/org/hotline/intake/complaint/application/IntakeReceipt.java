package org.hotline.intake.complaint.application;

import java.time.Instant;
import java.util.UUID;

/**
 * What the complainant gets back once the complaint is durable.
 *
 * @param replayed true when this answers a retry of a complaint that was already accepted
 */
public record IntakeReceipt(UUID complaintId, String reference, String trackingCode, Instant receivedAt,
        boolean replayed) {
}
