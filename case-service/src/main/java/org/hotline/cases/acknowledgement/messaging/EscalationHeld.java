package org.hotline.cases.acknowledgement.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hotline.cases.acknowledgement.application.RecordedBy;
import org.jspecify.annotations.Nullable;

/**
 * {@code EscalationHeld} v1 on {@code cases.events.v1} (docs/schemas/escalation-held.v1.schema.json): a caseworker
 * held a body's escalation until a day, or lifted the hold ({@code heldUntil} absent). Keyed by complaint id;
 * nothing of the complainant.
 *
 * @param recordedBy always {@code caseworker}
 * @param principal the caseworker's staff account
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EscalationHeld(UUID eventId, String eventType, int schemaVersion, Instant occurredAt, UUID complaintId,
        String reference, String authorityId, @Nullable LocalDate heldUntil, String reason, String recordedBy,
        @Nullable String principal) {

    static final String EVENT_TYPE = "EscalationHeld";
    static final String CLOUD_EVENT_TYPE = "org.hotline.case.escalation-held.v1";

    /** A new id for every hold: holding the same body again is a new decision, and the latest stands. */
    static EscalationHeld of(UUID complaintId, String reference, String authorityId, @Nullable LocalDate heldUntil,
            String reason, RecordedBy by, Instant now) {
        return new EscalationHeld(UUID.randomUUID(), EVENT_TYPE, 1, now, complaintId, reference, authorityId,
                heldUntil, reason, by.kind(), by.principal());
    }
}
