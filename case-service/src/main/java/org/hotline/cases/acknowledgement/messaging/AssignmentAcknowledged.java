package org.hotline.cases.acknowledgement.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.hotline.cases.acknowledgement.application.RecordedBy;
import org.jspecify.annotations.Nullable;

/**
 * {@code AssignmentAcknowledged} v1 on {@code cases.events.v1} (docs/events.md): a body confirmed receipt of a
 * complaint through its acknowledgement link, or a caseworker recorded its confirmation by post or phone, with the
 * body's registration number. Keyed by complaint id.
 *
 * @param registrationNumber the number as the body typed it (trimmed, at most 64 characters); a body's number,
 *     not personal data
 * @param recordedBy {@code body} (the link) or {@code caseworker}
 * @param principal the caseworker's staff account; absent for the body
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AssignmentAcknowledged(UUID eventId, String eventType, int schemaVersion, Instant occurredAt,
        UUID complaintId, String authorityId, Instant acknowledgedAt, String registrationNumber, String recordedBy,
        @Nullable String principal) {

    static final String EVENT_TYPE = "AssignmentAcknowledged";
    static final String CLOUD_EVENT_TYPE = "org.hotline.case.assignment-acknowledged.v1";

    static AssignmentAcknowledged of(UUID complaintId, String authorityId, Instant at, String registrationNumber,
            RecordedBy by, Instant now) {
        return new AssignmentAcknowledged(EventIds.of(EVENT_TYPE, complaintId, authorityId), EVENT_TYPE, 1, now,
                complaintId, authorityId, at, registrationNumber, by.kind(), by.principal());
    }
}
