package org.hotline.intake.complaint.web;

import java.time.Instant;
import java.util.UUID;

/**
 * The 202 answer: the complaint is durable.
 *
 * @param complaintId the complaint's id in every event about it
 * @param reference short reference to quote to the hotline, such as {@code HL-7F3K-9QX2-ABCD}
 * @param trackingCode secret that lets the complainant follow the case; shown to them once, never logged
 * @param receivedAt when the intake accepted it
 */
record ComplaintReceipt(UUID complaintId, String reference, String trackingCode, Instant receivedAt) {

    @Override
    public String toString() {
        return "ComplaintReceipt[complaintId=" + complaintId + ", reference=" + reference + "]";
    }
}
