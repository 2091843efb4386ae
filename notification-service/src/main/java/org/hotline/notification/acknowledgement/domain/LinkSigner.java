package org.hotline.notification.acknowledgement.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs acknowledgement links in the case service's token format, which checks them: {@code <payload>.<signature>},
 * both base64url without padding, where the payload is
 * {@code v1 \n keyId \n complaintId \n reference \n authorityId \n purpose \n expiresAt(epoch seconds)} and the
 * signature its HMAC-SHA256 with the key named. The services share no code; the test vector in
 * docs/schemas/examples/acknowledgement-link-token.v1.json holds both to the same bytes.
 *
 * <p>Several keys can be held, one active for signing, so that keys rotate as the case service's do.
 */
public final class LinkSigner {

    private static final int MIN_KEY_BYTES = 32;
    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String activeKeyId;
    private final Map<String, SecretKeySpec> keys;

    public LinkSigner(String activeKeyId, Map<String, byte[]> keys) {
        Map<String, SecretKeySpec> checked = new HashMap<>();
        keys.forEach((id, key) -> {
            if (key.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("link key '" + id + "' must have at least " + MIN_KEY_BYTES
                        + " bytes, it has " + key.length);
            }
            if (id.isBlank() || id.contains("\n")) {
                throw new IllegalArgumentException("link key ids must be plain names");
            }
            checked.put(id, new SecretKeySpec(key.clone(), "HmacSHA256"));
        });
        if (!checked.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active link key '" + activeKeyId + "' is not among the keys "
                    + checked.keySet());
        }
        this.activeKeyId = activeKeyId;
        this.keys = Map.copyOf(checked);
    }

    /**
     * @throws IllegalArgumentException when the reference or the authority id holds a line break, which would
     *     shift the payload's fields
     */
    public String sign(AcknowledgementLink link) {
        if (link.reference().contains("\n") || link.authorityId().contains("\n")) {
            throw new IllegalArgumentException("a link's reference and authority id are single lines");
        }
        String payload = String.join("\n", VERSION, activeKeyId, link.complaintId().toString(), link.reference(),
                link.authorityId(), link.purpose().name(), String.valueOf(link.expiresAt().getEpochSecond()));
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(keys.get(activeKeyId), bytes));
    }

    /**
     * The link a token grants when its signature is one of ours, its purpose the one asked and it has not expired
     * at {@code now}: the case service's check, for this service's own tests and tools.
     */
    public Optional<AcknowledgementLink> verify(String token, LinkPurpose purpose, Instant now) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.') || token.length() > 1024) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<String> fields = List.of(new String(payload, StandardCharsets.UTF_8).split("\n", -1));
        if (fields.size() != 7 || !VERSION.equals(fields.get(0)) || !keys.containsKey(fields.get(1))
                || !MessageDigest.isEqual(mac(keys.get(fields.get(1)), payload), signature)) {
            return Optional.empty();
        }
        AcknowledgementLink link;
        try {
            link = new AcknowledgementLink(UUID.fromString(fields.get(2)), fields.get(3), fields.get(4),
                    LinkPurpose.valueOf(fields.get(5)), Instant.ofEpochSecond(Long.parseLong(fields.get(6))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return link.purpose() == purpose && now.isBefore(link.expiresAt()) ? Optional.of(link) : Optional.empty();
    }

    private static byte[] mac(SecretKeySpec key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
