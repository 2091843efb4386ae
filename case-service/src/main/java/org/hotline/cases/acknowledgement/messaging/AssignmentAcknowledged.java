package org.hotline.cases.acknowledgement.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code AssignmentAcknowledged} v1 on {@code cases.events.v1} (docs/events.md): a body confirmed receipt of a
 * complaint through its acknowledgement link and gave its registration number. Keyed by complaint id.
 *
 * @param registrationNumber the number as the body typed it (trimmed, at most 64 characters); a body's number,
 *     not personal data
 */
record AssignmentAcknowledged(UUID eventId, String eventType, int schemaVersion, Instant occurredAt,
        UUID complaintId, String authorityId, Instant acknowledgedAt, String registrationNumber) {

    static final String EVENT_TYPE = "AssignmentAcknowledged";
    static final String CLOUD_EVENT_TYPE = "org.hotline.case.assignment-acknowledged.v1";
    static final String SOURCE = "urn:hotline:case-service";

    static AssignmentAcknowledged of(UUID complaintId, String authorityId, Instant at, String registrationNumber) {
        return new AssignmentAcknowledged(UUID.randomUUID(), EVENT_TYPE, 1, at, complaintId, authorityId, at,
                registrationNumber);
    }
}
