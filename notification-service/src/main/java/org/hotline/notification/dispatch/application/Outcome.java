package org.hotline.notification.dispatch.application;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hotline.notification.dispatch.domain.FailureClass;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.RecipientType;
import org.jspecify.annotations.Nullable;

/**
 * What became of one message: sent, or failed for good. No address and no complaint text.
 *
 * @param trace the trace of its send (of its planning when it was never sent), as the headers that carry it on to
 *     its record ({@code traceparent}); empty without one
 */
public record Outcome(
        UUID complaintId,
        String messageId,
        boolean sent,
        RecipientType recipientType,
        @Nullable String authorityId,
        String template,
        Language language,
        int attempts,
        @Nullable FailureClass failure,
        Instant occurredAt,
        Map<String, String> trace) {
}
