package org.hotline.notification.sealing.domain;

import java.util.UUID;

/**
 * The complaint's data key was erased: what was sealed under it can never be opened again, by design. Not a
 * failure of the event: the complaint's personal data are gone, and nothing more is done with them.
 */
public final class ComplaintErasedException extends RuntimeException {

    private final UUID complaintId;

    public ComplaintErasedException(UUID complaintId) {
        super("complaint " + complaintId + " was erased: its data key is gone");
        this.complaintId = complaintId;
    }

    public UUID complaintId() {
        return complaintId;
    }
}
