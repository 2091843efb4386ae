package org.hotline.notification.dispatch.ledger;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A message id as the ledger's memory keys it. Every message the owned partitions ever sent stays in memory, so the
 * key is most of what a message costs there: the id {@code <uuid>@<domain>} (65 characters with the default domain)
 * is a string of about 110 bytes, where its UUID's two numbers and the domain, one string shared by every id that has
 * it, take 32. An id of any other form is kept as it is. Two keys are equal exactly when their ids are.
 *
 * <p>Safe for any number of threads.
 */
final class MessageKeys {

    /** Domains shared; past this many (a ledger only ever holds its deployment's one or two) ids keep their string. */
    private static final int MAX_DOMAINS = 16;
    private static final int UUID_LENGTH = 36;

    private final Map<String, String> domains = new ConcurrentHashMap<>();

    /** An id whose left-hand side is a UUID as {@link UUID#toString()} writes it. */
    record Compact(long mostSignificantBits, long leastSignificantBits, String domain) {
    }

    /** The key of {@code messageId}: a {@link Compact} or the id itself. */
    Object of(String messageId) {
        if (messageId.length() <= UUID_LENGTH + 1 || messageId.charAt(UUID_LENGTH) != '@') {
            return messageId;
        }
        String left = messageId.substring(0, UUID_LENGTH);
        UUID uuid;
        try {
            uuid = UUID.fromString(left);
        } catch (IllegalArgumentException e) {
            return messageId;
        }
        // UUID.fromString also takes upper case and unpadded fields: another id, which must stay another key.
        if (!uuid.toString().equals(left)) {
            return messageId;
        }
        String domain = domain(messageId.substring(UUID_LENGTH + 1));
        return domain == null ? messageId
                : new Compact(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits(), domain);
    }

    /** The shared string of {@code domain}; null when it is not shared, which then holds for good. */
    private @Nullable String domain(String domain) {
        String shared = domains.get(domain);
        return shared != null ? shared : share(domain);
    }

    /**
     * Under the lock, so that whether a domain is shared is decided once: an id must get the same key every time, or
     * the ledger would not find what it recorded of it.
     */
    private synchronized @Nullable String share(String domain) {
        String shared = domains.get(domain);
        if (shared != null || domains.size() >= MAX_DOMAINS) {
            return shared;
        }
        domains.put(domain, domain);
        return domain;
    }
}
