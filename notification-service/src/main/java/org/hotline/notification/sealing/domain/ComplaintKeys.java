package org.hotline.notification.sealing.domain;

import java.util.List;
import java.util.UUID;

/**
 * Where a complaint's data keys are found, wrapped under a service key: the compacted topic
 * {@code complaints.keys.v1}, followed into a local store (docs/security.md, "Per-complaint keys and erasure"). A
 * complaint has one key, or several when the intake published it more than once (a retry after a lost
 * acknowledgement): each event opens with the key drawn for it.
 */
public interface ComplaintKeys {

    /** For values sealed under service keys only, as before per-complaint keys: finds no key. */
    ComplaintKeys NONE = complaintId -> List.of();

    /**
     * @return the complaint's data keys wrapped under a service key; none when the complaint was erased (its keys'
     *     tombstones) or never had one
     * @throws KeysUnavailableException when the keys cannot be read up to date now: try again later, never take it
     *     for an erasure
     */
    List<WrappedKey> wrappedKeys(UUID complaintId);

    /**
     * As {@link #wrappedKeys}, with the topic read up to its end as of this call first, even when keys of the
     * complaint are held: for a value no key held opens (its key may have been written a moment ago), and for an
     * erasure, which must name every key. A store that is always up to date need not do more.
     *
     * @throws KeysUnavailableException as {@link #wrappedKeys}
     */
    default List<WrappedKey> wrappedKeysUpToDate(UUID complaintId) {
        return wrappedKeys(complaintId);
    }

    /** @param recordKey the record's key on the keys topic, which its tombstone names */
    record WrappedKey(String recordKey, SealedValue sealed) {
    }

    /** The keys could not be read up to date in time (the broker unreachable, the topic missing): a passing state. */
    final class KeysUnavailableException extends RuntimeException {

        public KeysUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
