package org.hotline.notification.dispatch.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.hotline.notification.dispatch.application.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * Version 1 of the event on {@code notifications.outcomes.v1}, keyed by complaint id: what became of one
 * message. It names the recipient by type and authority id only: no address, no complaint text. The event id
 * derives from the message id and status, so a republished outcome is recognisable as the same event.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record NotificationOutcome(
        UUID eventId,
        String eventType,
        int schemaVersion,
        Instant occurredAt,
        UUID complaintId,
        String messageId,
        String status,
        String recipientType,
        @Nullable String authorityId,
        String template,
        String language,
        int attempts,
        @Nullable String failureClass) {

    static final String EVENT_TYPE = "NotificationOutcome";
    static final int SCHEMA_VERSION = 1;

    static NotificationOutcome of(Outcome outcome) {
        String status = outcome.sent() ? "SENT" : "FAILED";
        UUID eventId = UUID.nameUUIDFromBytes((outcome.messageId() + "/" + status).getBytes(StandardCharsets.UTF_8));
        return new NotificationOutcome(eventId, EVENT_TYPE, SCHEMA_VERSION, outcome.occurredAt(),
                outcome.complaintId(), outcome.messageId(), status, outcome.recipientType().name(),
                outcome.authorityId(), outcome.template(), outcome.language().code(), outcome.attempts(),
                outcome.failure() == null ? null : outcome.failure().name());
    }
}
