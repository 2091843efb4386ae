package org.hotline.keys;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code complaints.keys.v1} record. Its key is {@code <complaintId>/<kid>}: intake draws a kid each time it
 * publishes a complaint, as a complaint may be published twice (a retry after a lost acknowledgement, two instances
 * taking the same idempotency key), each time with a new data key, and on a compacted topic one record key keeps one
 * value. Records written before kids were drawn have the key {@code <complaintId>} alone. The value, schema version 1:
 * <pre>{@code
 * {"schemaVersion":1,"complaintId":"<uuid>","createdAt":"<ISO-8601 instant>",
 *  "wrapped":{"keyId":"<service key id>","algorithm":"A256GCM","iv":"<base64>","ciphertext":"<base64>"}}
 * }</pre>
 * Fields it does not know are ignored, so a writer may add one without a new version. The algorithm is not checked
 * here: the caller that unwraps the key knows which algorithms it can open.
 */
final class KeyRecordFormat {

    static final int SCHEMA_VERSION = 1;

    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * The wrapped key of {@code value}, the record's value under {@code recordKey}. Refused unless it is the format
     * above for that very complaint: a record whose id differs from its key would be found under one complaint and
     * erased under another.
     */
    WrappedKey read(RecordKey recordKey, byte[] value) {
        JsonNode root;
        try {
            root = json.readTree(value);
        } catch (JacksonException e) {
            // Not e's message: Jackson quotes the content it could not read.
            throw new Malformed("not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("not a JSON object");
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isInt() || version.intValue() != SCHEMA_VERSION) {
            throw new Malformed("schemaVersion is not " + SCHEMA_VERSION);
        }
        // The record key's complaint id is a lowercase UUID: one equal to it is too.
        if (!text(root, "complaintId", "complaintId").equals(recordKey.complaintId().toString())) {
            throw new Malformed("complaintId differs from the record key");
        }
        try {
            Instant.parse(text(root, "createdAt", "createdAt"));
        } catch (DateTimeParseException e) {
            throw new Malformed("createdAt is not an ISO-8601 instant");
        }
        JsonNode wrapped = root.get("wrapped");
        if (wrapped == null || !wrapped.isObject()) {
            throw new Malformed("wrapped is missing or not an object");
        }
        return new WrappedKey(recordKey.text(), text(wrapped, "keyId", "wrapped.keyId"),
                text(wrapped, "algorithm", "wrapped.algorithm"),
                base64(wrapped, "iv", "wrapped.iv"),
                base64(wrapped, "ciphertext", "wrapped.ciphertext"));
    }

    private static String text(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isString() || node.stringValue().isBlank()) {
            throw new Malformed(path + " is missing or not a non-empty string");
        }
        return node.stringValue();
    }

    private static String base64(JsonNode parent, String field, String path) {
        String text = text(parent, field, path);
        try {
            Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new Malformed(path + " is not base64");
        }
        return text;
    }

    private static boolean isLowercaseUuid(String text) {
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A record's key: {@code <complaintId>/<kid>}, or {@code <complaintId>} alone ({@code kid} null) as written
     * before kids were drawn.
     */
    record RecordKey(UUID complaintId, @Nullable String kid) {

        private static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

        RecordKey {
            if (kid != null && !KID.matcher(kid).matches()) {
                throw new Malformed("the record key's kid is not 1 to 64 of A-Z a-z 0-9 _ -");
            }
        }

        /**
         * Refused unless the complaint id is a lowercase UUID, as intake writes it: {@link UUID#fromString} takes
         * capitals and other spellings too, and a tombstone spelt so would delete a key that the topic keeps.
         */
        static RecordKey parse(String text) {
            int slash = text.indexOf('/');
            String complaintId = slash < 0 ? text : text.substring(0, slash);
            if (!isLowercaseUuid(complaintId)) {
                throw new Malformed("the record key's complaint id is not a lowercase UUID");
            }
            return new RecordKey(UUID.fromString(complaintId), slash < 0 ? null : text.substring(slash + 1));
        }

        /** As the record's key is written. */
        String text() {
            return kid == null ? complaintId.toString() : complaintId + "/" + kid;
        }
    }

    /** Why a record was refused, naming its parts only: never a value's content, which is key material. */
    static final class Malformed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }
}
