package org.hotline.cases.casefile.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * The tracking code is kept only as a hash: SHA-256 of the complaint id and the code. The code has 80 random bits
 * (16 Crockford base-32 characters), so the hash cannot be reversed by trying codes, and the complaint id in it
 * makes each hash good for one complaint only. Comparison takes the same time whether or not the code matches,
 * and {@link #matchesNothing} does the same work for a reference that does not exist.
 */
public final class TrackingCodes {

    private static final UUID NOBODY = new UUID(0, 0);
    private static final String NOTHING = hash(NOBODY, "no complaint has this code");

    private TrackingCodes() {
    }

    public static String hash(UUID complaintId, String trackingCode) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("tracking-code\n" + complaintId + "\n"
                    + normalized(trackingCode)).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static boolean matches(String expectedHash, UUID complaintId, String trackingCode) {
        return MessageDigest.isEqual(expectedHash.getBytes(StandardCharsets.US_ASCII),
                hash(complaintId, trackingCode).getBytes(StandardCharsets.US_ASCII));
    }

    /** The work of {@link #matches}, for a reference no case has; always false. */
    public static boolean matchesNothing(String trackingCode) {
        boolean sameWork = matches(NOTHING, NOBODY, trackingCode);
        return sameWork && !sameWork;
    }

    /** Codes are read out on the phone and typed by hand: case and spaces do not matter. */
    private static String normalized(String trackingCode) {
        return trackingCode.strip().replace(" ", "").toUpperCase(Locale.ROOT);
    }
}
