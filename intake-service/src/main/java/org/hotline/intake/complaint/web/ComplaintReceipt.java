package org.hotline.intake.complaint.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
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
@Schema(description = "The receipt: the complaint is durable. Show the tracking code to the complainant once; with "
        + "the reference it lets them follow the case (case service, POST /api/v1/complaints/status).")
record ComplaintReceipt(
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The complaint's id in every event about it",
                example = "0b7e6d2c-5f1a-4c3b-9a8e-2d4f6b8c1e3a")
        UUID complaintId,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The reference to quote to the hotline",
                pattern = "^HL(-[0-9A-Z]{4}){3}$", example = "HL-7F3K-9QX2-ABCD")
        String reference,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The complainant's secret: shown once, never "
                + "stored in clear by the hotline", example = "K7QF-2MXD-9RTB-4HWN")
        String trackingCode,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "When the intake accepted it",
                example = "2026-12-03T09:15:30Z")
        Instant receivedAt) {

    @Override
    public String toString() {
        return "ComplaintReceipt[complaintId=" + complaintId + ", reference=" + reference + "]";
    }
}
