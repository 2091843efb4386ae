package org.hotline.routing.complaint.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;

/**
 * {@code ComplaintReceived} v1 records as intake-service writes them (docs/events.md). The sealed values are
 * well-formed sealed objects with random bytes: routing never opens them, so no key is needed.
 */
public final class ComplaintEvents {

    private static final Random RANDOM = new Random(7);

    private ComplaintEvents() {
    }

    /** The Kostanay school case of the guide, with a fresh complaint id. */
    public static String kostanaySchool(String complaintId) {
        return """
                {"eventId":"%s","eventType":"ComplaintReceived","schemaVersion":1,\
                "occurredAt":"2026-11-24T05:06:40.123Z","complaintId":"%s","reference":"HL-7F3K-9QX2-ABCD",\
                "receivedAt":"2026-11-24T05:06:40.123Z","channel":"HOTLINE","language":"ru",\
                "incident":{"categories":["SEXUAL_HARASSMENT","EXTORTION"],"description":%s,\
                "occurredOn":"2011-05-20","ongoing":true},\
                "location":{"country":"KZ","region":"KZ-39","regionAsSubmitted":"KZ-KUS","regionKnown":true,\
                "districtCode":"392410000","settlement":"Pertsevka"},\
                "workplace":{"sector":"PUBLIC","type":"SCHOOL","organizationName":"Secondary school No. 1"},\
                "accused":{"role":"HEAD_OF_ORGANIZATION","publicOfficial":true},"victim":{"minor":false},\
                "risk":{"immediateDanger":false},"complainant":{"mode":"CONFIDENTIAL","sealed":%s}}"""
                .formatted(UUID.randomUUID(), complaintId,
                        sealed(complaintId, "incident.description"), sealed(complaintId, "complainant"));
    }

    /** The Almaty analyst case of the guide: no district, a private company, open mode. */
    public static String almatyAnalyst(String complaintId) {
        return """
                {"eventId":"%s","eventType":"ComplaintReceived","schemaVersion":1,\
                "occurredAt":"2026-11-24T06:00:00Z","complaintId":"%s","reference":"HL-AAAA-BBBB-CCCC",\
                "receivedAt":"2026-11-24T06:00:00Z","channel":"WEB","language":"en",\
                "incident":{"categories":["SEXUAL_HARASSMENT","RETALIATION"],"description":%s},\
                "location":{"country":"KZ","region":"KZ-75","regionKnown":true},\
                "workplace":{"sector":"PRIVATE","type":"COMPANY"},\
                "accused":{"role":"SUPERVISOR","publicOfficial":false},"victim":{"minor":false},\
                "risk":{"immediateDanger":false},"complainant":{"mode":"OPEN","sealed":%s}}"""
                .formatted(UUID.randomUUID(), complaintId,
                        sealed(complaintId, "incident.description"), sealed(complaintId, "complainant"));
    }

    /** A sealed value of the shape in docs/events.md, with random bytes as ciphertext. */
    static String sealed(String complaintId, String field) {
        byte[] iv = new byte[12];
        byte[] ciphertext = new byte[48 + RANDOM.nextInt(200)];
        RANDOM.nextBytes(iv);
        RANDOM.nextBytes(ciphertext);
        return "{\"keyId\":\"test-1\",\"algorithm\":\"A256GCM\",\"iv\":\"" + Base64.getEncoder().encodeToString(iv)
                + "\",\"ciphertext\":\"" + Base64.getEncoder().encodeToString(ciphertext) + "\"}";
    }

    public static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
