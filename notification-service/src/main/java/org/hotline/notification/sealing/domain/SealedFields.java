package org.hotline.notification.sealing.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Opens a complaint's sealed fields whichever key sealed them: its own data key (key id
 * {@link SealedValue#COMPLAINT_KEY}, found wrapped through {@link ComplaintKeys} and unwrapped with a service key),
 * or, for values sealed before per-complaint keys, a service key directly.
 */
public final class SealedFields {

    /** The associated data of a wrapped data key is this followed by the complaint id. */
    public static final String KEYS_CONTEXT = "complaints.keys.v1/";

    private final FieldSealer sealer;
    private final ComplaintKeys keys;

    public SealedFields(FieldSealer sealer, ComplaintKeys keys) {
        this.sealer = sealer;
        this.keys = keys;
    }

    /**
     * @throws ComplaintErasedException when the value is sealed under the complaint's key and that key was erased
     * @throws ComplaintKeys.KeysUnavailableException when the keys cannot be read now
     * @throws SealingException when the value does not open
     */
    public byte[] open(UUID complaintId, SealedValue sealed, String context) {
        if (!SealedValue.COMPLAINT_KEY.equals(sealed.keyId())) {
            return sealer.open(sealed, context);
        }
        List<ComplaintKeys.WrappedKey> held = keys.wrappedKeys(complaintId);
        if (held.isEmpty()) {
            throw new ComplaintErasedException(complaintId);
        }
        Set<String> tried = new HashSet<>();
        List<SealingException> failures = new ArrayList<>();
        byte @Nullable [] opened = openWithAny(held, tried, failures, complaintId, sealed, context);
        if (opened != null) {
            return opened;
        }
        // Usually one key; a complaint published twice has two, and the one drawn for this event may have been
        // written a moment ago: look again, with the topic read up to date.
        List<ComplaintKeys.WrappedKey> upToDate = keys.wrappedKeysUpToDate(complaintId);
        if (upToDate.isEmpty()) {
            throw new ComplaintErasedException(complaintId);
        }
        opened = openWithAny(upToDate, tried, failures, complaintId, sealed, context);
        if (opened != null) {
            return opened;
        }
        throw failures.isEmpty() ? new SealingException("no key of complaint " + complaintId + " opens the value")
                : failures.get(failures.size() - 1);
    }

    private byte @Nullable [] openWithAny(List<ComplaintKeys.WrappedKey> candidates, Set<String> tried,
            List<SealingException> failures, UUID complaintId, SealedValue sealed, String context) {
        for (ComplaintKeys.WrappedKey key : candidates) {
            if (!tried.add(key.recordKey())) {
                continue;
            }
            byte[] dataKey = sealer.open(key.sealed(), KEYS_CONTEXT + complaintId);
            try {
                return sealer.open(dataKey, sealed, context);
            } catch (SealingException e) {
                failures.add(e);
            } finally {
                Arrays.fill(dataKey, (byte) 0);
            }
        }
        return null;
    }
}
