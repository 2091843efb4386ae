package org.hotline.intake.sealing.domain;

/**
 * A value encrypted with authenticated encryption, as it travels in an event: the id of the key that sealed
 * it, the algorithm, the 96-bit nonce and the ciphertext with its 128-bit tag, both in base64.
 */
public record SealedValue(String keyId, String algorithm, String iv, String ciphertext) {

    public static final String AES_256_GCM = "A256GCM";
    /** The key id of a value sealed under its complaint's own data key, which the keys topic holds wrapped. */
    public static final String COMPLAINT_KEY = "complaint";

    @Override
    public String toString() {
        return "SealedValue[keyId=" + keyId + ", algorithm=" + algorithm + "]";
    }
}
