package org.hotline.cases.acknowledgement.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What a link says once its signature is checked: for which complaint (by id, and by reference to find its case
 * file), for which body, for what, and until when.
 */
public record AcknowledgementLink(UUID complaintId, String reference, String authorityId, LinkPurpose purpose,
        Instant expiresAt) {
}
