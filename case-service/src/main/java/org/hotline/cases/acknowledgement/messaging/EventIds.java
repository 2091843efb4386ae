package org.hotline.cases.acknowledgement.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event ids derived from the event type, the complaint and the body, as the silence check's are: only the first
 * acknowledgement and the first answer of a body count, so a repeat (a retried send, a second form racing the
 * first) carries the same id and a reader can drop it by id.
 */
final class EventIds {

    private EventIds() {
    }

    static UUID of(String eventType, UUID complaintId, String authorityId) {
        return UUID.nameUUIDFromBytes((eventType + "\n" + complaintId + "\n" + authorityId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
