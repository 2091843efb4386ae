package org.hotline.cases.acknowledgement.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.hotline.cases.acknowledgement.application.RecordedBy;
import org.hotline.cases.casefile.domain.ClosureReason;
import org.jspecify.annotations.Nullable;

/**
 * {@code CaseClosed} v1 on {@code cases.events.v1} (docs/schemas/case-closed.v1.schema.json): a caseworker closed
 * the case, so nothing more is reminded or escalated. Keyed by complaint id; nothing of the complainant.
 *
 * @param closedAt the day the case was closed, as the caseworker gave it (noon of that day), or the moment it was
 *     recorded
 * @param recordedBy always {@code caseworker}
 * @param principal the caseworker's staff account
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CaseClosed(UUID eventId, String eventType, int schemaVersion, Instant occurredAt, UUID complaintId,
        String reference, Instant closedAt, ClosureReason reason, String recordedBy, @Nullable String principal) {

    static final String EVENT_TYPE = "CaseClosed";
    static final String CLOUD_EVENT_TYPE = "org.hotline.case.case-closed.v1";

    /** The id is the complaint's own: only the first closure stands, so a repeat carries the same id. */
    static CaseClosed of(UUID complaintId, String reference, Instant closedAt, ClosureReason reason, RecordedBy by,
            Instant now) {
        return new CaseClosed(EventIds.of(EVENT_TYPE, complaintId, "case"), EVENT_TYPE, 1, now, complaintId,
                reference, closedAt, reason, by.kind(), by.principal());
    }
}
