package org.hotline.notification.dispatch.application;

import java.time.Instant;
import java.util.UUID;
import org.hotline.notification.dispatch.domain.FailureClass;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.RecipientType;
import org.jspecify.annotations.Nullable;

/** What became of one message: sent, or failed for good. No address and no complaint text. */
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
        Instant occurredAt) {

    public static Outcome of(QueuedMessage message, boolean sent, int attempts, @Nullable FailureClass failure,
            Instant occurredAt) {
        return new Outcome(message.complaintId(), message.messageId(), sent, message.recipientType(),
                message.authorityId(), message.template(), message.language(), attempts, failure, occurredAt);
    }
}
