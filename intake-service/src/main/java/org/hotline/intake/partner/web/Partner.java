package org.hotline.intake.partner.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.hotline.web.ratelimit.ClientKey;
import org.hotline.web.ratelimit.Rate;
import org.jspecify.annotations.Nullable;

/**
 * A partner organisation whose key came with the request.
 *
 * @param name the account's name, which scopes its idempotency keys
 * @param rate what it may send, in place of the per-address limit
 * @param clientKey the partner as the rate limiter knows it: a hash of its name, apart from every client address
 */
public record Partner(String name, Rate rate, ClientKey clientKey) {

    public Partner(String name, Rate rate) {
        this(name, rate, clientKeyOf(name));
    }

    private static final String ATTRIBUTE = Partner.class.getName();

    /** The partner the request was authenticated as by {@link PartnerKeyFilter}; null for the public. */
    public static @Nullable Partner of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Partner partner ? partner : null;
    }

    void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    private static ClientKey clientKeyOf(String name) {
        ByteBuffer bits = ByteBuffer.wrap(sha256("partner\n" + name));
        return new ClientKey(bits.getLong(), bits.getLong());
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
