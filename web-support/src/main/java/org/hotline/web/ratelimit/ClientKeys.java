package org.hotline.web.ratelimit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Names a client (an address, a mailbox) by 128 bits of an HMAC-SHA-256 under a key drawn at start and never
 * stored, so that a limiter's memory (a heap dump) does not list who sent requests, and the key of a client can
 * be recomputed neither from outside the process nor after a restart.
 */
public final class ClientKeys {

    private final Mac prototype;

    public ClientKeys() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public ClientKey of(String client) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
        }
        ByteBuffer digest = ByteBuffer.wrap(mac.doFinal(client.getBytes(StandardCharsets.UTF_8)));
        return new ClientKey(digest.getLong(), digest.getLong());
    }
}
