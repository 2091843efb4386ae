package org.hotline.notification.sealing.messaging;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.hotline.keys.ComplaintKeyStore;
import org.hotline.notification.sealing.domain.ComplaintKeys;
import org.hotline.notification.sealing.domain.SealedValue;

/** The complaints' keys as the local store that follows {@code complaints.keys.v1} has them. */
public final class StoredComplaintKeys implements ComplaintKeys, AutoCloseable {

    private final ComplaintKeyStore store;

    private StoredComplaintKeys(ComplaintKeyStore store) {
        this.store = store;
    }

    /**
     * Starts following {@code topic} into {@code directory}.
     *
     * @param consumerProperties the service's Kafka client settings (servers, security)
     */
    public static StoredComplaintKeys start(Map<String, Object> consumerProperties, String topic, Path directory,
            Duration catchUpTimeout, Duration rebuildAfter) {
        return new StoredComplaintKeys(ComplaintKeyStore.start(new ComplaintKeyStore.Settings(consumerProperties,
                topic, directory, catchUpTimeout, rebuildAfter)));
    }

    @Override
    public List<WrappedKey> wrappedKeys(UUID complaintId) {
        return found(() -> store.find(complaintId));
    }

    @Override
    public List<WrappedKey> wrappedKeysUpToDate(UUID complaintId) {
        return found(() -> store.findUpToDate(complaintId));
    }

    private static List<WrappedKey> found(Supplier<List<org.hotline.keys.WrappedKey>> lookup) {
        try {
            return lookup.get().stream().map(wrapped -> new WrappedKey(wrapped.recordKey(),
                    new SealedValue(wrapped.keyId(), wrapped.algorithm(), wrapped.iv(), wrapped.ciphertext())))
                    .toList();
        } catch (org.hotline.keys.KeysUnavailableException e) {
            // The service's own type, so that the domain and its callers know nothing of the store.
            throw new ComplaintKeys.KeysUnavailableException(e.getMessage(), e);
        }
    }

    /** Whether the store has read the topic up to its end since the start: until then, no key can be relied on. */
    public boolean caughtUp() {
        return store.caughtUp();
    }

    /** Keys the store holds, roughly. */
    public long keysHeld() {
        return store.keysHeld();
    }

    @Override
    public void close() {
        store.close();
    }
}
