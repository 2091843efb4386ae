package org.hotline.keys;

/**
 * One data key of a complaint as it travels in {@code complaints.keys.v1}: encrypted (wrapped) under the service key
 * {@code keyId} with {@code algorithm} ({@code A256GCM}), its 96-bit nonce and the ciphertext with its tag in base64.
 * {@code recordKey} is the key of the record that holds it, {@code <complaintId>/<kid>} or {@code <complaintId>}: a
 * complaint may have several data keys, and erasing one means a tombstone for that very record key. Unwrapping it,
 * with the service key, is the caller's business.
 */
public record WrappedKey(String recordKey, String keyId, String algorithm, String iv, String ciphertext) {

    /** Without the nonce and the ciphertext: a wrapped key belongs in no log, even encrypted. */
    @Override
    public String toString() {
        return "WrappedKey[recordKey=" + recordKey + ", keyId=" + keyId + ", algorithm=" + algorithm + "]";
    }
}
