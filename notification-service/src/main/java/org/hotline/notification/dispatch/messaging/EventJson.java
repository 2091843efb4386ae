package org.hotline.notification.dispatch.messaging;

import static org.hotline.notification.dispatch.messaging.PoisonEventException.INVALID_FIELD;
import static org.hotline.notification.dispatch.messaging.PoisonEventException.MISSING_FIELD;
import static org.hotline.notification.dispatch.messaging.PoisonEventException.NOT_JSON;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the fields of an event this service consumes: each missing or ill-typed field is a
 * {@link PoisonEventException} that names the field and its reason code, never the record's content.
 */
final class EventJson {

    private EventJson() {
    }

    /** The record's value as a JSON object. */
    static JsonNode parse(JsonMapper json, byte[] payload) {
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (JacksonException e) {
            throw new PoisonEventException(NOT_JSON, "not JSON (stopped at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ", column "
                    + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new PoisonEventException(NOT_JSON, "not a JSON object");
        }
        return root;
    }

    static JsonNode object(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new PoisonEventException(missingOrInvalid(node), field + " missing or not an object");
        }
        return node;
    }

    static @Nullable JsonNode optionalObject(@Nullable JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return node == null || !node.isObject() ? null : node;
    }

    static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isString()) {
            throw new PoisonEventException(missingOrInvalid(node), field + " missing or not a string");
        }
        return node.stringValue();
    }

    static @Nullable String optionalText(@Nullable JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new PoisonEventException(INVALID_FIELD, field + " is not a string");
        }
        return node.stringValue();
    }

    static boolean flag(JsonNode parent, String field) {
        Boolean value = optionalFlag(parent, field);
        if (value == null) {
            throw new PoisonEventException(MISSING_FIELD, field + " missing");
        }
        return value;
    }

    static @Nullable Boolean optionalFlag(@Nullable JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw new PoisonEventException(INVALID_FIELD, field + " is not a boolean");
        }
        return node.booleanValue();
    }

    static List<String> strings(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isArray()) {
            throw new PoisonEventException(missingOrInvalid(node), field + " missing or not an array");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isString()) {
                throw new PoisonEventException(INVALID_FIELD, field + " holds a non-string");
            }
            values.add(element.stringValue());
        }
        return values;
    }

    static UUID uuid(JsonNode parent, String field) {
        try {
            return UUID.fromString(text(parent, field));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(INVALID_FIELD, field + " is not a UUID");
        }
    }

    static Instant instant(JsonNode parent, String field) {
        try {
            return Instant.parse(text(parent, field));
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(INVALID_FIELD, field + " is not an ISO-8601 instant");
        }
    }

    static @Nullable LocalDate date(JsonNode parent, String field) {
        String value = optionalText(parent, field);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(INVALID_FIELD, field + " is not an ISO-8601 date");
        }
    }

    static String missingOrInvalid(@Nullable JsonNode node) {
        return node == null ? MISSING_FIELD : INVALID_FIELD;
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode parent, String field) {
        String value = text(parent, field);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(INVALID_FIELD, field + " has unknown value '" + value + "'");
        }
    }
}
