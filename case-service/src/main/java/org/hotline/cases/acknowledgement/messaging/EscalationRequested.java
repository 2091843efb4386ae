package org.hotline.cases.acknowledgement.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.hotline.cases.acknowledgement.application.RecordedBy;
import org.jspecify.annotations.Nullable;

/**
 * {@code EscalationRequested} v1 on {@code cases.events.v1} (docs/schemas/escalation-requested.v1.schema.json): a
 * caseworker asked for the case to go past a body to the next rung now. Keyed by complaint id; nothing of the
 * complainant.
 *
 * @param recordedBy always {@code caseworker}
 * @param principal the caseworker's staff account
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EscalationRequested(UUID eventId, String eventType, int schemaVersion, Instant occurredAt, UUID complaintId,
        String reference, String authorityId, String reason, String recordedBy, @Nullable String principal) {

    static final String EVENT_TYPE = "EscalationRequested";
    static final String CLOUD_EVENT_TYPE = "org.hotline.case.escalation-requested.v1";

    /** A new id for every request: the case file keeps the first, and a repeat changes nothing there. */
    static EscalationRequested of(UUID complaintId, String reference, String authorityId, String reason, RecordedBy by,
            Instant now) {
        return new EscalationRequested(UUID.randomUUID(), EVENT_TYPE, 1, now, complaintId, reference, authorityId,
                reason, by.kind(), by.principal());
    }
}
