package org.hotline.notification.acknowledgement.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What a link grants: for which complaint (by id, and by reference for the case service to find its case file),
 * for which body, for what, and until when. Nothing about the complainant.
 */
public record AcknowledgementLink(UUID complaintId, String reference, String authorityId, LinkPurpose purpose,
        Instant expiresAt) {
}
