package org.hotline.intake.complaint.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Derives the names a complaint is known by. With an idempotency key, the complaint id is a keyed hash of the
 * key, so a retry after a restart gets the same id without the service remembering anything; the reference
 * and the tracking code are derived from the id, so a retry also gets the same receipt. The secret keeps ids
 * and tracking codes unguessable from the outside.
 */
public final class ComplaintIdentities {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int MIN_SECRET_BYTES = 32;

    private final SecretKeySpec secret;
    private final SecureRandom random = new SecureRandom();

    public ComplaintIdentities(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the identity secret must have at least " + MIN_SECRET_BYTES
                    + " bytes, it has " + secret.length);
        }
        this.secret = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** The id of a new complaint from the public: derived from the idempotency key when there is one, else random. */
    public UUID complaintId(@Nullable String idempotencyKey) {
        return complaintId(null, idempotencyKey);
    }

    /**
     * The id of a new complaint: derived from the idempotency key when there is one, within the scope of who sent
     * it (the public's keys, or one partner's), else random. The same key from two partners, or from a partner and
     * the public, names two complaints: nobody can fetch another's receipt by guessing its key.
     *
     * @param partner the partner account that submits, or null for the public
     */
    public UUID complaintId(@Nullable String partner, @Nullable String idempotencyKey) {
        return idempotencyKey == null ? randomComplaintId() : complaintId(partner, idempotencyKey, 0);
    }

    /** A new random id (RFC 9562 version 4), for a complaint sent without an idempotency key. */
    public UUID randomComplaintId() {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        return uuid(bits, 0x40);
    }

    /**
     * One of the ids an idempotency key may name, the same on every call and every instance: attempt 0 is the id
     * of {@link #complaintId(String, String)}, and further attempts give further ids, from which the intake picks
     * the first that places the complaint in its lane (see {@code ComplaintIntake}).
     *
     * @param partner the partner account that submits, or null for the public
     */
    public UUID complaintId(@Nullable String partner, String idempotencyKey, int attempt) {
        // A key has no line break (visible ASCII only), so neither two scopes nor two attempts share an input.
        String scoped = partner == null ? idempotencyKey : "partner\n" + partner + "\n" + idempotencyKey;
        byte[] bits = new byte[16];
        System.arraycopy(hmac("complaint-id\n" + scoped + (attempt == 0 ? "" : "\n#" + attempt)), 0, bits, 0, 16);
        return uuid(bits, 0x80);
    }

    /** RFC 9562 version 8 (custom) for derived ids, version 4 for random ones; IETF variant. */
    private static UUID uuid(byte[] bits, int version) {
        bits[6] = (byte) ((bits[6] & 0x0f) | version);
        bits[8] = (byte) ((bits[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(bits);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /** A short reference a person can read out on the phone, such as {@code HL-7F3K-9QX2-ABCD}. */
    public String reference(UUID complaintId) {
        return "HL-" + grouped(crockford(hmac("reference\n" + complaintId), 12));
    }

    /** The secret the complainant uses to follow their case; only they and the sealed event know it. */
    public String trackingCode(UUID complaintId) {
        return grouped(crockford(hmac("tracking-code\n" + complaintId), 16));
    }

    /**
     * A keyed fingerprint of everything the complaint says, to tell a true retry from a different complaint
     * sent with a reused idempotency key. Keyed, so the fingerprint cannot be used to guess the content.
     */
    public String fingerprint(Complaint complaint) {
        return HexFormat.of().formatHex(hmac("fingerprint\n" + canonicalForm(complaint)));
    }

    static String canonicalForm(Complaint complaint) {
        Complaint.Complainant who = complaint.complainant();
        Object[] fields = {complaint.channel(), complaint.language(), complaint.incident().categories(),
                complaint.incident().description(), complaint.incident().occurredOn(),
                complaint.incident().ongoing(), complaint.location().country(), complaint.location().region(),
                complaint.location().districtCode(), complaint.location().settlement(),
                complaint.workplace().sector(), complaint.workplace().type(),
                complaint.workplace().organizationName(), complaint.accused().role(),
                complaint.accused().publicOfficial(), complaint.victimIsMinor(), complaint.immediateDanger(),
                who.mode(), who.name(), who.email(), who.phone(), who.preferredLanguage(), who.consentToContact()};
        StringBuilder canonical = new StringBuilder();
        for (Object field : fields) {
            String text = Objects.toString(field, "\u0000null");
            canonical.append(text.length()).append(':').append(text).append(';');
        }
        return canonical.toString();
    }

    private byte[] hmac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String crockford(byte[] bytes, int characters) {
        StringBuilder out = new StringBuilder(characters);
        int bitIndex = 0;
        for (int i = 0; i < characters; i++) {
            int value = 0;
            for (int b = 0; b < 5; b++, bitIndex++) {
                int bit = (bytes[bitIndex / 8] >> (7 - bitIndex % 8)) & 1;
                value = (value << 1) | bit;
            }
            out.append(CROCKFORD[value]);
        }
        return out.toString();
    }

    private static String grouped(String code) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < code.length(); i += 4) {
            if (i > 0) {
                out.append('-');
            }
            out.append(code, i, Math.min(code.length(), i + 4));
        }
        return out.toString();
    }
}
