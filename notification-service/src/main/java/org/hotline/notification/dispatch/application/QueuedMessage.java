package org.hotline.notification.dispatch.application;

import java.time.Instant;
import java.util.UUID;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.RecipientType;
import org.jspecify.annotations.Nullable;

/**
 * A rendered message waiting in the outbox.
 *
 * @param mime the complete RFC 5322 message, Message-ID included; empty for a message refused before rendering
 */
public record QueuedMessage(
        String messageId,
        UUID complaintId,
        String reference,
        Instant receivedAt,
        RecipientType recipientType,
        @Nullable String authorityId,
        String template,
        Language language,
        byte[] mime) {

    /** The same message without its rendered content: what the ledger keeps in memory once it is settled. */
    public QueuedMessage withoutContent() {
        return mime.length == 0 ? this : new QueuedMessage(messageId, complaintId, reference, receivedAt,
                recipientType, authorityId, template, language, new byte[0]);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof QueuedMessage that && messageId.equals(that.messageId);
    }

    @Override
    public int hashCode() {
        return messageId.hashCode();
    }

    @Override
    public String toString() {
        return "QueuedMessage[" + messageId + ", " + recipientType + ", " + template + ", " + language.code() + "]";
    }
}
