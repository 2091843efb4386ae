package org.hotline.notification.dispatch.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.hotline.notification.dispatch.application.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * Version 1 of the event on {@code notifications.outcomes.v1}, keyed by complaint id: one message was concluded,
 * sent or failed for good. It names the recipient by type and authority id only: no address, no complaint text.
 * The event id derives from the message id and status, so a republished outcome is recognisable as the same event.
 *
 * <p>Named in the past tense like every event here, but on the wire its {@code eventType} stays
 * {@code NotificationOutcome}, the name v1 was published with: the schema fixes it as a constant and every
 * integrator's reader matches on it, so changing it would break them all. It changes only with a v2 topic.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record NotificationConcluded(
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

    /** The wire name of v1 (see above), not this class's name. */
    static final String EVENT_TYPE = "NotificationOutcome";
    static final int SCHEMA_VERSION = 1;

    static NotificationConcluded of(Outcome outcome) {
        String status = outcome.sent() ? "SENT" : "FAILED";
        UUID eventId = UUID.nameUUIDFromBytes((outcome.messageId() + "/" + status).getBytes(StandardCharsets.UTF_8));
        return new NotificationConcluded(eventId, EVENT_TYPE, SCHEMA_VERSION, outcome.occurredAt(),
                outcome.complaintId(), outcome.messageId(), status, outcome.recipientType().name(),
                outcome.authorityId(), outcome.template(), outcome.language().code(), outcome.attempts(),
                outcome.failure() == null ? null : outcome.failure().name());
    }
}
