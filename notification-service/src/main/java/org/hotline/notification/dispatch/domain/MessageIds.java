package org.hotline.notification.dispatch.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic message ids: the same complaint, recipient and template always give the same id, so a
 * redelivered event or a restarted service recognises what it already sent, and a receiving mail system can
 * recognise a copy by its Message-ID.
 */
public final class MessageIds {

    private MessageIds() {
    }

    /**
     * @param recipientKey the authority id, {@code complainant}, {@code caseworker}, or for an alert the id of
     *     the message it is about
     * @param domain the right-hand side of the Message-ID
     */
    public static String of(UUID complaintId, RecipientType type, String recipientKey, String template,
            String domain) {
        String name = complaintId + "/" + type + "/" + recipientKey + "/" + template;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)) + "@" + domain;
    }
}
