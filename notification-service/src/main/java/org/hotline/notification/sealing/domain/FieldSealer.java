package org.hotline.notification.sealing.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens the sealed fields of complaint events (AES-256-GCM, associated data {@code keyId + "\n" + context}, as
 * docs/events.md describes) and seals what this service keeps on disk (the outbox's rendered messages).
 *
 * <p>This is notification's own copy of the format, not a shared jar: compatibility with intake is checked by
 * tests that open values sealed exactly as the catalogue describes.
 */
public final class FieldSealer {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String activeKeyId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param activeKeyId the key that seals what this service writes
     * @param keys every key that may open values, by id, each 32 bytes
     */
    public FieldSealer(String activeKeyId, Map<String, byte[]> keys) {
        Map<String, SecretKey> checked = new HashMap<>();
        keys.forEach((id, key) -> {
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("sealing key '" + id + "' must be " + KEY_BYTES
                        + " bytes (AES-256), it is " + key.length);
            }
            checked.put(id, new SecretKeySpec(key.clone(), "AES"));
        });
        if (!checked.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active sealing key '" + activeKeyId + "' is not among the keys "
                    + checked.keySet());
        }
        this.activeKeyId = activeKeyId;
        this.keys = Map.copyOf(checked);
    }

    public SealedValue seal(byte[] plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(activeKeyId, context));
            byte[] ciphertext = cipher.doFinal(plaintext);
            Base64.Encoder base64 = Base64.getEncoder();
            return new SealedValue(activeKeyId, SealedValue.AES_256_GCM, base64.encodeToString(nonce),
                    base64.encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new SealingException("sealing failed", e);
        }
    }

    /** Opens a value sealed under one of the service keys (a wrapped data key, or a value sealed before them). */
    public byte[] open(SealedValue sealed, String associatedData) {
        checkAlgorithm(sealed);
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new SealingException("no sealing key with id '" + sealed.keyId() + "' is configured");
        }
        return open(key, sealed, associatedData);
    }

    /** Opens a value sealed under its complaint's data key, unwrapped from the keys topic. */
    public byte[] open(byte[] dataKey, SealedValue sealed, String associatedData) {
        checkAlgorithm(sealed);
        if (!SealedValue.COMPLAINT_KEY.equals(sealed.keyId())) {
            throw new SealingException("the value is sealed under the service key '" + sealed.keyId()
                    + "', not under its complaint's data key");
        }
        return open(new SecretKeySpec(dataKey, "AES"), sealed, associatedData);
    }

    private static void checkAlgorithm(SealedValue sealed) {
        if (!SealedValue.AES_256_GCM.equals(sealed.algorithm())) {
            throw new SealingException("unsupported sealing algorithm '" + sealed.algorithm() + "'");
        }
    }

    private static byte[] open(SecretKey key, SealedValue sealed, String associatedData) {
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, base64.decode(sealed.iv())));
            cipher.updateAAD(associatedData(sealed.keyId(), associatedData));
            return cipher.doFinal(base64.decode(sealed.ciphertext()));
        } catch (AEADBadTagException e) {
            throw new SealingException("sealed value does not open with key '" + sealed.keyId()
                    + "': wrong key, or the value was altered or moved", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SealingException("sealed value is malformed", e);
        }
    }

    private static byte[] associatedData(String keyId, String context) {
        return (keyId + "\n" + context).getBytes(StandardCharsets.UTF_8);
    }
}
