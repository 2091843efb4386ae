package org.hotline.notification.dispatch.messaging;

import static org.hotline.notification.dispatch.messaging.PoisonEventException.INVALID_FIELD;
import static org.hotline.notification.dispatch.messaging.PoisonEventException.MISSING_FIELD;
import static org.hotline.notification.dispatch.messaging.PoisonEventException.NOT_JSON;

import java.util.List;
import java.util.function.Predicate;
import org.hotline.web.json.JsonEventSchema;
import org.hotline.web.json.JsonEventSchema.Kind;
import org.hotline.web.json.JsonEventSchema.Violation;
import tools.jackson.databind.JsonNode;

/**
 * The published schema (docs/schemas) of one event this service reads, each departure from it a
 * {@link PoisonEventException} with the reason code its dead letter and metric carry: {@code not_json},
 * {@code missing_field} or {@code invalid_field}. The readers check {@code eventType} and {@code schemaVersion}
 * themselves, first, so that another type or a later version is told apart from a broken event. Messages name
 * fields and places, never a value: they go to dead-letter headers and logs, and an event may carry personal data.
 */
final class EventSchema {

    /** Enough to see what went wrong with an event that is wrong everywhere, short enough for a header. */
    private static final int MOST_VIOLATIONS_SHOWN = 10;

    private final JsonEventSchema schema;

    EventSchema(String file) {
        this.schema = JsonEventSchema.load(file);
    }

    /** The record's value, which must be one JSON object. */
    JsonNode parse(byte[] value) {
        JsonNode root;
        try {
            root = schema.parse(value);
        } catch (JsonEventSchema.NotJsonException e) {
            throw new PoisonEventException(NOT_JSON, e.place() == null ? "not JSON (the record is empty)"
                    : "not JSON (stopped at " + e.place() + ")");
        }
        if (!root.isObject()) {
            throw new PoisonEventException(NOT_JSON, "not a JSON object");
        }
        return root;
    }

    /** Whether the event states {@code version} as its {@code schemaVersion}. */
    static boolean hasVersion(JsonNode event, int version) {
        JsonNode stated = event.get("schemaVersion");
        return stated != null && stated.isIntegralNumber() && stated.canConvertToInt() && stated.intValue() == version;
    }

    /**
     * The event's {@code schemaVersion} for a message: quoted only when it is a small whole number, the only kind a
     * producer writes; {@code null} when there is none.
     */
    static String shownVersion(JsonNode event) {
        JsonNode stated = event.get("schemaVersion");
        if (stated == null || stated.isNull()) {
            return "null";
        }
        return stated.isIntegralNumber() && stated.canConvertToInt() && Math.abs(stated.intValue()) < 1000
                ? String.valueOf(stated.intValue()) : "(not a version number)";
    }

    /**
     * Every departure of {@code event} from the schema but those {@code tolerated}, as one refusal: invalid_field
     * when a value that is there is wrong, missing_field when only fields are missing. Null fields count as absent
     * and are removed from {@code event}.
     */
    void check(JsonNode event, Predicate<Violation> tolerated) {
        List<Violation> violations = schema.violations(event).stream().filter(tolerated.negate()).toList();
        if (violations.isEmpty()) {
            return;
        }
        String code = violations.stream().anyMatch(violation -> violation.kind() == Kind.INVALID) ? INVALID_FIELD
                : MISSING_FIELD;
        StringBuilder message = new StringBuilder();
        violations.stream().limit(MOST_VIOLATIONS_SHOWN).forEach(violation ->
                message.append(message.isEmpty() ? "" : "; ").append(violation.describe()));
        if (violations.size() > MOST_VIOLATIONS_SHOWN) {
            message.append("; and ").append(violations.size() - MOST_VIOLATIONS_SHOWN).append(" more");
        }
        throw new PoisonEventException(code, message.toString());
    }

    /** Binds a checked event to the reader's own record; a value the reader's type does not know is invalid. */
    <T> T bind(JsonNode event, Class<T> type) {
        try {
            return schema.bind(event, type);
        } catch (JsonEventSchema.UnboundEventException e) {
            throw new PoisonEventException(INVALID_FIELD, e.getMessage(), e);
        }
    }
}
