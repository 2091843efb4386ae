package org.hotline.notification.it;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * ComplaintRouted v1 events built exactly as docs/events.md describes, sealed with intake's test key by this
 * test's own AES-GCM code (not the service's), so the tests check the documented contract.
 */
final class RoutedEvents {

    static final String TEST_KEY_ID = "test-1";
    static final byte[] TEST_KEY = Base64.getDecoder().decode("dGVzdC1vbmx5LXNlYWxpbmcta2V5LTMyLWJ5dGVzISE=");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UUID complaintId = UUID.randomUUID();
    private String reference = "HL-TEST-" + complaintId.toString().substring(0, 8).toUpperCase();
    private String mode = "CONFIDENTIAL";
    private String description = "The director demanded money to keep my contract.";
    private String organizationName = "Secondary school No. 1";
    private Map<String, Object> complainant = complainant("Айгерим Сапарова", null, "kk", false);
    private final List<Map<String, Object>> assignments = new ArrayList<>();
    private byte[] key = TEST_KEY;
    private String keyId = TEST_KEY_ID;
    private int schemaVersion = 1;

    static RoutedEvents complaint() {
        return new RoutedEvents();
    }

    UUID complaintId() {
        return complaintId;
    }

    String reference() {
        return reference;
    }

    RoutedEvents reference(String value) {
        reference = value;
        return this;
    }

    RoutedEvents mode(String value) {
        mode = value;
        return this;
    }

    RoutedEvents description(String value) {
        description = value;
        return this;
    }

    RoutedEvents organizationName(String value) {
        organizationName = value;
        return this;
    }

    RoutedEvents complainant(Map<String, Object> value) {
        complainant = value;
        return this;
    }

    RoutedEvents sealedWith(byte[] otherKey) {
        key = otherKey;
        return this;
    }

    /** Seals under a data key of the complaint's own, as intake does now; {@link #keyRecord} carries it wrapped. */
    RoutedEvents ownKey() {
        key = new byte[32];
        RANDOM.nextBytes(key);
        keyId = "complaint";
        return this;
    }

    /** The key of the complaint's record on complaints.keys.v1, as intake writes it: {@code <complaintId>/<kid>}. */
    String keyRecordKey() {
        return complaintId + "/test-kid-1";
    }

    /** The complaint's record on complaints.keys.v1 (complaint-key.v1): its data key wrapped under the test key. */
    byte[] keyRecord() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("schemaVersion", 1);
        record.put("complaintId", complaintId.toString());
        record.put("createdAt", java.time.Instant.now().toString());
        record.put("wrapped", seal(TEST_KEY_ID, TEST_KEY, key, "complaints.keys.v1/" + complaintId));
        return JSON.writeValueAsBytes(record);
    }

    RoutedEvents schemaVersion(int value) {
        schemaVersion = value;
        return this;
    }

    RoutedEvents assign(String authorityId, String role, String language, String email,
            Integer deadlineWorkingDays, String nameKk, String nameRu, String nameEn) {
        Map<String, Object> assignment = new LinkedHashMap<>();
        assignment.put("authorityId", authorityId);
        assignment.put("authorityType", "ANTI_CORRUPTION");
        assignment.put("level", "REGION");
        assignment.put("jurisdiction", "KZ-39");
        assignment.put("role", role);
        assignment.put("ruleId", "rule-" + authorityId);
        assignment.put("reason", "Reason for " + authorityId);
        assignment.put("authorityName", Map.of("kk", nameKk, "ru", nameRu, "en", nameEn));
        assignment.put("contactEmail", email);
        assignment.put("correspondenceLanguage", language);
        assignment.put("acceptsAnonymous", true);
        if (deadlineWorkingDays != null) {
            assignment.put("answerDeadlineWorkingDays", deadlineWorkingDays);
        }
        assignments.add(assignment);
        return this;
    }

    /** Dates the last assignment as routing does: the last days to acknowledge and to answer (ISO dates). */
    RoutedEvents dated(String acknowledgeBy, String answerBy) {
        Map<String, Object> last = assignments.get(assignments.size() - 1);
        last.put("acknowledgeBy", acknowledgeBy);
        last.put("answerBy", answerBy);
        return this;
    }

    static Map<String, Object> complainant(String name, String email, String language, boolean consent) {
        Map<String, Object> who = new LinkedHashMap<>();
        if (name != null) {
            who.put("name", name);
        }
        if (email != null) {
            who.put("email", email);
        }
        who.put("phone", "+7 701 111 22 33");
        who.put("preferredLanguage", language);
        who.put("consentToContact", consent);
        who.put("trackingCode", "ABCD-EFGH-JKLM-NPQR");
        return who;
    }

    byte[] bytes() {
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("categories", List.of("SEXUAL_HARASSMENT", "EXTORTION"));
        incident.put("description", seal(description.getBytes(StandardCharsets.UTF_8), "incident.description"));
        incident.put("occurredOn", "2011-05-20");
        incident.put("ongoing", true);
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("country", "KZ");
        location.put("region", "KZ-39");
        location.put("regionKnown", true);
        location.put("settlement", "Pertsevka");
        Map<String, Object> complaint = new LinkedHashMap<>();
        complaint.put("channel", "HOTLINE");
        complaint.put("language", "ru");
        complaint.put("incident", incident);
        complaint.put("location", location);
        complaint.put("workplace", Map.of("sector", "PUBLIC", "type", "SCHOOL", "organizationName",
                organizationName));
        complaint.put("accused", Map.of("role", "HEAD_OF_ORGANIZATION", "publicOfficial", true));
        complaint.put("victim", Map.of("minor", false));
        complaint.put("risk", Map.of("immediateDanger", false));
        complaint.put("complainant", Map.of("mode", mode, "sealed",
                seal(JSON.writeValueAsBytes(complainant), "complainant")));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("eventType", "ComplaintRouted");
        event.put("schemaVersion", schemaVersion);
        event.put("occurredAt", java.time.Instant.now().toString());
        event.put("complaintId", complaintId.toString());
        event.put("reference", reference);
        event.put("receivedAt", java.time.Instant.now().toString());
        event.put("causationEventId", UUID.randomUUID().toString());
        event.put("rulesVersion", "kz-sample-2026.11@3f2a9c1e");
        event.put("fallback", false);
        event.put("assignments", assignments);
        event.put("complaint", complaint);
        return JSON.writeValueAsBytes(event);
    }

    private Map<String, String> seal(byte[] plaintext, String field) {
        return seal(keyId, key, plaintext, "complaints.received.v1/" + complaintId + "/" + field);
    }

    private static Map<String, String> seal(String keyId, byte[] key, byte[] plaintext, String context) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD((keyId + "\n" + context).getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext);
            return Map.of("keyId", keyId, "algorithm", "A256GCM", "iv",
                    Base64.getEncoder().encodeToString(iv), "ciphertext", Base64.getEncoder().encodeToString(ciphertext));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
