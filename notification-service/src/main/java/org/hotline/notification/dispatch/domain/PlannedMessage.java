package org.hotline.notification.dispatch.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message decided but not yet rendered: who gets it, in which template and language, and the values the
 * template may insert (already made safe by {@link SafeText}; templates escape them again for HTML).
 *
 * @param messageId the deterministic id, without angle brackets; it is the Message-ID and the ledger key
 */
public record PlannedMessage(
        String messageId,
        UUID complaintId,
        String reference,
        Instant receivedAt,
        RecipientType recipientType,
        @Nullable String authorityId,
        String template,
        Language language,
        String to,
        Map<String, @Nullable Object> model) {

    public PlannedMessage {
        model = Collections.unmodifiableMap(new LinkedHashMap<>(model));
    }

    @Override
    public String toString() {
        return "PlannedMessage[" + messageId + ", " + recipientType + ", " + template + ", " + language.code() + "]";
    }
}
