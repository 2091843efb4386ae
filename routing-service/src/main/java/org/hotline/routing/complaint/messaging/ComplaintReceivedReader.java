package org.hotline.routing.complaint.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.routing.rules.domain.AccusedRole;
import org.hotline.routing.rules.domain.Category;
import org.hotline.routing.rules.domain.ComplainantMode;
import org.hotline.routing.rules.domain.ComplaintFacts;
import org.hotline.routing.rules.domain.Sector;
import org.hotline.routing.rules.domain.WorkplaceType;
import org.hotline.web.json.JsonEventSchema;
import org.hotline.web.json.JsonEventSchema.Kind;
import org.hotline.web.json.JsonEventSchema.NotJsonException;
import org.hotline.web.json.JsonEventSchema.UnboundEventException;
import org.hotline.web.json.JsonEventSchema.Violation;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code ComplaintReceived} v1 against its published schema (docs/schemas/complaint-received.v1.schema.json)
 * into the facts routing decides on, and cuts out the raw text of the complaint's parts so that
 * {@code ComplaintRouted} carries them byte for byte: the sealed values inside are checked for their shape and
 * copied, never opened or re-encoded.
 *
 * <p>The steps, each refusing with its own reason code: the record must be a JSON object ({@code not_json}), of
 * {@code schemaVersion} 1 ({@code unsupported_schema_version}) and {@code eventType} {@code ComplaintReceived}; then
 * every departure from the schema is reported at once ({@code missing_field} or {@code invalid_field}, after the
 * first); then the values are bound to routing's own enumerations. Two rules are routing's, not the schema's:
 * a complaint without {@code workplace} is read as one whose workplace is unknown, as it always was (the schema
 * requires the object, intake always writes it), and an empty {@code incident.categories} counts as missing.
 */
final class ComplaintReceivedReader {

    /** The complaint's parts that ComplaintRouted copies, in the order of docs/events.md. */
    static final List<String> PARTS = List.of("incident", "location", "workplace", "accused", "victim", "risk",
            "complainant");

    /** How many violations one dead letter's reason lists; a record that departs further is garbage anyway. */
    private static final int LISTED_VIOLATIONS = 5;

    private static final String CATEGORIES = "incident.categories";

    private final JsonEventSchema schema = JsonEventSchema.load("complaint-received.v1.schema.json");
    private final JsonMapper json = JsonMapper.builder().build();

    ReceivedComplaint read(byte[] value) {
        JsonNode root;
        try {
            root = schema.parse(value);
        } catch (NotJsonException e) {
            throw new UndecidableEventException("not_json", e.getMessage());
        }
        if (!root.isObject()) {
            throw new UndecidableEventException("not_json", "the record is not a JSON object");
        }
        checkVersionAndType(root);
        List<Violation> violations = schema.violations(root).stream()
                .filter(violation -> !(violation.kind() == Kind.MISSING && violation.path().equals("workplace")))
                // A reference outside the documented letters is routed as it is: it is only quoted to people, and a
                // dead letter would leave the complaint with no authority. It must still be a non-empty string.
                .filter(violation -> !(violation.path().equals("reference")
                        && violation.expected().equals("in the documented format")))
                .map(ComplaintReceivedReader::emptyCategoriesAsMissing)
                .toList();
        if (!violations.isEmpty()) {
            throw undecidable(violations);
        }
        Received received;
        try {
            received = schema.bind(root, Received.class);
        } catch (UnboundEventException e) {
            throw new UndecidableEventException("invalid_field",
                    "field " + e.path() + " has a value routing does not know");
        }
        Instant at;
        try {
            at = Instant.parse(received.receivedAt());
        } catch (DateTimeParseException e) {
            // RFC 3339 admits a few spellings (a leap second, say) that java.time does not read.
            throw UndecidableEventException.invalid("receivedAt", "an ISO-8601 instant");
        }
        return new ReceivedComplaint(received.eventId(), received.complaintId(), received.reference(),
                received.receivedAt(), received.channel(), received.language(), facts(received, at), rawParts(value));
    }

    /**
     * Checked before the schema so that another version is refused as such, not for the fields it lacks. Only an
     * integer is quoted: anything else may be any text the producer wrote, so only its kind is named.
     */
    private static void checkVersionAndType(JsonNode root) {
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isIntegralNumber() || version.intValue() != 1) {
            throw new UndecidableEventException("unsupported_schema_version", "schemaVersion must be 1, was "
                    + (version == null ? "missing" : version.isIntegralNumber() ? version.toString()
                            : "a JSON " + version.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        JsonNode type = root.get("eventType");
        if (type == null || type.isNull()) {
            throw UndecidableEventException.missing("eventType");
        }
        if (!type.isString()) {
            throw UndecidableEventException.invalid("eventType", "a string");
        }
        if (!type.stringValue().equals("ComplaintReceived")) {
            throw UndecidableEventException.invalid("eventType", "ComplaintReceived");
        }
    }

    /**
     * Routing has always taken a complaint with no category, or no list of them, for one whose list is missing; a
     * category named twice is another fault, and stays one.
     */
    private static Violation emptyCategoriesAsMissing(Violation violation) {
        boolean noList = violation.expected().equals("a non-empty list") || violation.expected().equals("a JSON array");
        return violation.kind() == Kind.INVALID && violation.path().equals(CATEGORIES) && noList
                ? new Violation(Kind.MISSING, CATEGORIES, "present") : violation;
    }

    /** The first violation gives the reason code; the reason lists them all (up to a few), never a value. */
    private static UndecidableEventException undecidable(List<Violation> violations) {
        String listed = violations.stream().limit(LISTED_VIOLATIONS).map(Violation::describe)
                .collect(Collectors.joining("; "));
        if (violations.size() > LISTED_VIOLATIONS) {
            listed += "; and " + (violations.size() - LISTED_VIOLATIONS) + " more";
        }
        return new UndecidableEventException(violations.get(0).kind() == Kind.MISSING ? "missing_field"
                : "invalid_field", listed);
    }

    private static ComplaintFacts facts(Received received, Instant at) {
        Location location = received.location();
        Workplace workplace = received.workplace() == null ? new Workplace(null, null) : received.workplace();
        return new ComplaintFacts(Set.copyOf(received.incident().categories()), workplace.sector(),
                workplace.type(), received.accused().role(), received.accused().publicOfficial(),
                received.victim().minor(), received.risk().immediateDanger(), received.complainant().mode(),
                location.country(), location.region(), location.regionKnown(), location.districtCode(),
                at.atOffset(ZoneOffset.UTC).toLocalDate());
    }

    /** The exact text of each top-level part, found by the parser's byte offsets. */
    private Map<String, String> rawParts(byte[] value) {
        Map<String, String> parts = new LinkedHashMap<>();
        try (JsonParser parser = json.createParser(value)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (PARTS.contains(name) && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    parser.skipChildren();
                    int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
                    parts.put(name, new String(value, start, end - start, StandardCharsets.UTF_8));
                } else {
                    parser.skipChildren();
                }
            }
        }
        return parts;
    }

    /** The fields of ComplaintReceived v1 that routing uses; the schema has checked them, the others are ignored. */
    record Received(String eventId, String complaintId, String reference, String receivedAt, String channel,
            String language, Incident incident, Location location, @Nullable Workplace workplace, Accused accused,
            Victim victim, Risk risk, Complainant complainant) {
    }

    record Incident(List<Category> categories) {
    }

    record Location(String country, @Nullable String region, boolean regionKnown, @Nullable String districtCode) {
    }

    record Workplace(@Nullable Sector sector, @Nullable WorkplaceType type) {
    }

    record Accused(@Nullable AccusedRole role, boolean publicOfficial) {
    }

    record Victim(boolean minor) {
    }

    record Risk(boolean immediateDanger) {
    }

    record Complainant(ComplainantMode mode) {
    }
}
