package org.hotline.cases.it;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One complaint's events as intake, routing and notification write them (docs/events.md), the complainant block
 * sealed with intake's test key by this test's own AES-GCM code (not the service's), so the tests check the
 * documented contract.
 */
final class CaseEvents {

    static final String TRACKING_CODE = "7F3K-9QX2-ABCD-EFGH";
    static final String COMPLAINANT_NAME = "Айгерим Сапарова";
    static final String COMPLAINANT_EMAIL = "aigerim@example.org";
    /** The complainant's own words, sealed in the complaint's ComplaintReceived only. */
    static final String STATEMENT = "Директор школы требовал деньги и угрожал увольнением.";
    private static final byte[] TEST_KEY = Base64.getDecoder().decode("dGVzdC1vbmx5LXNlYWxpbmcta2V5LTMyLWJ5dGVzISE=");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    final UUID complaintId = UUID.randomUUID();
    final String reference = "HL-" + complaintId.toString().substring(0, 4).toUpperCase() + "-TEST-CASE";
    final Instant receivedAt;
    /** The complaint's own data key, as intake draws one; null: sealed under the service key, as before them. */
    private final byte @Nullable [] dataKey;
    /** OPEN, CONFIDENTIAL or ANONYMOUS. */
    private final String mode;
    /** Sealed once, so that each event carries the same copy, as routing and the case service copy it. */
    private final Map<String, String> sealedComplainant;
    private final Map<String, String> sealedStatement;

    CaseEvents(Instant receivedAt) {
        this(receivedAt, null, "OPEN");
    }

    private CaseEvents(Instant receivedAt, byte @Nullable [] dataKey, String mode) {
        this.receivedAt = receivedAt;
        this.dataKey = dataKey;
        this.mode = mode;
        this.sealedComplainant = sealComplainant();
        String context = "complaints.received.v1/" + complaintId + "/incident.description";
        byte[] statement = STATEMENT.getBytes(StandardCharsets.UTF_8);
        this.sealedStatement = dataKey == null ? seal("test-1", TEST_KEY, statement, context)
                : seal("complaint", dataKey, statement, context);
    }

    /** A complaint sent without a name: nobody may open its complainant block. */
    static CaseEvents anonymous(Instant receivedAt) {
        return new CaseEvents(receivedAt, null, "ANONYMOUS");
    }

    /** A complaint whose sealed fields are sealed under a data key of its own, as intake seals them now. */
    static CaseEvents withOwnKey(Instant receivedAt) {
        byte[] dataKey = new byte[32];
        RANDOM.nextBytes(dataKey);
        return new CaseEvents(receivedAt, dataKey, "OPEN");
    }

    /** The key of its record on complaints.keys.v1, as intake writes it: {@code <complaintId>/<kid>}. */
    String keyRecordKey() {
        return complaintId + "/test-kid-1";
    }

    /** Its record on complaints.keys.v1: the data key wrapped under the service key (complaint-key.v1). */
    byte[] keyRecord() {
        if (dataKey == null) {
            throw new IllegalStateException("this complaint is sealed under the service key");
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("schemaVersion", 1);
        record.put("complaintId", complaintId.toString());
        record.put("createdAt", receivedAt.toString());
        record.put("wrapped", seal("test-1", TEST_KEY, dataKey, "complaints.keys.v1/" + complaintId));
        return JSON.writeValueAsBytes(record);
    }

    /** Opens a sealed value of this complaint's with {@code dataKey}, as a consumer would; throws when it does not. */
    static byte[] openWith(byte[] dataKey, Map<String, String> sealed, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"),
                new GCMParameterSpec(128, Base64.getDecoder().decode(sealed.get("iv"))));
        cipher.updateAAD((sealed.get("keyId") + "\n" + context).getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(Base64.getDecoder().decode(sealed.get("ciphertext")));
    }

    /** The service key's unwrapping of a key record's {@code wrapped} value. */
    static byte[] unwrap(Map<String, String> wrapped, UUID complaintId) throws GeneralSecurityException {
        return openWith(TEST_KEY, wrapped, "complaints.keys.v1/" + complaintId);
    }

    byte[] received() {
        Map<String, Object> event = header("ComplaintReceived", receivedAt);
        event.put("reference", reference);
        event.put("receivedAt", receivedAt.toString());
        event.put("incident", Map.of("categories", List.of("SEXUAL_HARASSMENT", "EXTORTION"),
                "description", sealedStatement));
        event.put("complainant", complainant());
        return JSON.writeValueAsBytes(event);
    }

    /** Routed as a routing from before the dated assignments wrote it: the case service counts the deadlines. */
    byte[] routed() {
        return routed(Map.of());
    }

    /**
     * Routed with {@code acknowledgeBy} and {@code answerBy} for the bodies in {@code dates} (authority id to the
     * two ISO dates), as routing writes them.
     */
    byte[] routed(Map<String, List<String>> dates) {
        Map<String, Object> event = header("ComplaintRouted", receivedAt.plusSeconds(1));
        event.put("reference", reference);
        event.put("receivedAt", receivedAt.toString());
        List<Map<String, Object>> assignments = List.of(
                assignment("kz-39-police", "POLICE", "PRIMARY", "Police Department, Kostanay Region"),
                assignment("kz-39-education", "EDUCATION_AUTHORITY", "COPY", "Education Department, Kostanay Region"));
        for (Map<String, Object> assignment : assignments) {
            List<String> dated = dates.get((String) assignment.get("authorityId"));
            if (dated != null) {
                assignment.put("acknowledgeBy", dated.get(0));
                assignment.put("answerBy", dated.get(1));
            }
        }
        event.put("assignments", assignments);
        event.put("complaint", Map.of("complainant", complainant(), "location",
                Map.of("country", "KZ", "region", "KZ-39", "regionKnown", true),
                "incident", Map.of("categories", List.of("SEXUAL_HARASSMENT", "EXTORTION"),
                        "description", "Айгерим's own words, which the case service never keeps"),
                "victim", Map.of("minor", true), "risk", Map.of("immediateDanger", false)));
        return JSON.writeValueAsBytes(event);
    }

    /** An {@code AssignmentAcknowledged} as another writer than this service might send it. */
    byte[] acknowledged(String authorityId, String number, Instant at) {
        Map<String, Object> event = header("AssignmentAcknowledged", at);
        event.put("authorityId", authorityId);
        event.put("acknowledgedAt", at.toString());
        event.put("registrationNumber", number);
        return JSON.writeValueAsBytes(event);
    }

    byte[] outcome(String authorityId, String status, Instant at) {
        return outcome(authorityId, status, at, "authority-notice");
    }

    /** The outcome of an email of {@code template} to a body. */
    byte[] outcome(String authorityId, String status, Instant at, String template) {
        Map<String, Object> event = header("NotificationOutcome", at);
        event.put("messageId", UUID.randomUUID() + "@notification.hotline.invalid");
        event.put("status", status);
        event.put("recipientType", "AUTHORITY");
        event.put("authorityId", authorityId);
        event.put("template", template);
        event.put("language", "ru");
        event.put("attempts", 1);
        return JSON.writeValueAsBytes(event);
    }

    private Map<String, Object> header(String type, Instant at) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("eventType", type);
        event.put("schemaVersion", 1);
        event.put("occurredAt", at.toString());
        event.put("complaintId", complaintId.toString());
        return event;
    }

    private static Map<String, Object> assignment(String id, String type, String role, String name) {
        return assignment(id, type, role, name, "POLICE".equals(type) ? "ru" : "kk");
    }

    private static Map<String, Object> assignment(String id, String type, String role, String name, String language) {
        Map<String, Object> assignment = new LinkedHashMap<>();
        assignment.put("authorityId", id);
        assignment.put("authorityType", type);
        assignment.put("level", "REGION");
        assignment.put("jurisdiction", "KZ-39");
        assignment.put("role", role);
        assignment.put("ruleId", "test-rule");
        assignment.put("reason", "A test reason.");
        assignment.put("authorityName", Map.of("kk", name + " (kk)", "ru", name + " (ru)", "en", name));
        assignment.put("contactEmail", id + "@example.org");
        assignment.put("correspondenceLanguage", language);
        assignment.put("acceptsAnonymous", true);
        assignment.put("answerDeadlineWorkingDays", 15);
        return assignment;
    }

    private Map<String, Object> complainant() {
        return Map.of("mode", mode, "sealed", sealedComplainant);
    }

    /** The complainant block's sealed value, the same in every event of this complaint. */
    Map<String, String> sealedComplainant() {
        return sealedComplainant;
    }

    private Map<String, String> sealComplainant() {
        Map<String, Object> opened = new LinkedHashMap<>();
        opened.put("name", COMPLAINANT_NAME);
        opened.put("email", COMPLAINANT_EMAIL);
        opened.put("preferredLanguage", "ru");
        opened.put("consentToContact", true);
        opened.put("trackingCode", TRACKING_CODE);
        String context = "complaints.received.v1/" + complaintId + "/complainant";
        return dataKey == null ? seal("test-1", TEST_KEY, JSON.writeValueAsBytes(opened), context)
                : seal("complaint", dataKey, JSON.writeValueAsBytes(opened), context);
    }

    private static Map<String, String> seal(String keyId, byte[] key, byte[] plaintext, String context) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD((keyId + "\n" + context).getBytes(StandardCharsets.UTF_8));
            Base64.Encoder base64 = Base64.getEncoder();
            return Map.of("keyId", keyId, "algorithm", "A256GCM", "iv", base64.encodeToString(iv),
                    "ciphertext", base64.encodeToString(cipher.doFinal(plaintext)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
