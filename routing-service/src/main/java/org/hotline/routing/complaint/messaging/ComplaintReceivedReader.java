package org.hotline.routing.complaint.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hotline.routing.rules.domain.AccusedRole;
import org.hotline.routing.rules.domain.Category;
import org.hotline.routing.rules.domain.ComplainantMode;
import org.hotline.routing.rules.domain.ComplaintFacts;
import org.hotline.routing.rules.domain.Sector;
import org.hotline.routing.rules.domain.WorkplaceType;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code ComplaintReceived} v1 (docs/events.md) into the facts routing decides on, and cuts out the raw
 * text of the complaint's parts so that {@code ComplaintRouted} carries them byte for byte: the sealed values
 * inside are copied, never opened or re-encoded.
 */
final class ComplaintReceivedReader {

    /** The complaint's parts that ComplaintRouted copies, in the order of docs/events.md. */
    static final List<String> PARTS = List.of("incident", "location", "workplace", "accused", "victim", "risk",
            "complainant");

    private final JsonMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    ReceivedComplaint read(byte[] value) {
        JsonNode root = parse(value);
        if (root == null || !root.isObject()) {
            throw new UndecidableEventException("not_json", "the record is not a JSON object");
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isIntegralNumber() || version.intValue() != 1) {
            // An integer is safe to quote; anything else may be any text the producer wrote, so only its kind is.
            throw new UndecidableEventException("unsupported_schema_version", "schemaVersion must be 1, was "
                    + (version == null ? "missing" : version.isIntegralNumber() ? version.toString()
                            : "a JSON " + version.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        if (!"ComplaintReceived".equals(requiredText(root, "eventType"))) {
            throw UndecidableEventException.invalid("eventType", "ComplaintReceived");
        }
        String eventId = requiredText(root, "eventId");
        String complaintId = uuid(root, "complaintId");
        String reference = requiredText(root, "reference");
        String receivedAt = requiredText(root, "receivedAt");
        Instant received;
        try {
            received = Instant.parse(receivedAt);
        } catch (DateTimeParseException e) {
            throw UndecidableEventException.invalid("receivedAt", "an ISO-8601 instant");
        }
        requiredText(root, "occurredAt");
        String channel = requiredText(root, "channel");
        String language = requiredText(root, "language");

        JsonNode incident = object(root, "incident");
        object(incident, "incident.description");
        JsonNode categoriesNode = incident.get("categories");
        if (categoriesNode == null || !categoriesNode.isArray() || categoriesNode.isEmpty()) {
            throw UndecidableEventException.missing("incident.categories");
        }
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (JsonNode category : categoriesNode.values()) {
            if (!category.isString()) {
                throw UndecidableEventException.invalid("incident.categories", "a list of category names");
            }
            categories.add(enumValue("incident.categories", category.stringValue(), Category.class));
        }
        JsonNode location = object(root, "location");
        String country = requiredText(location, "location.country");
        @Nullable String region = optionalText(location, "location.region");
        boolean regionKnown = bool(location, "location.regionKnown");
        @Nullable String district = optionalText(location, "location.districtCode");
        JsonNode workplace = root.get("workplace");
        Sector sector = null;
        WorkplaceType type = null;
        if (workplace != null && !workplace.isNull()) {
            object(root, "workplace");
            sector = optionalEnum(workplace, "workplace.sector", Sector.class);
            type = optionalEnum(workplace, "workplace.type", WorkplaceType.class);
        }
        JsonNode accused = object(root, "accused");
        AccusedRole role = optionalEnum(accused, "accused.role", AccusedRole.class);
        boolean publicOfficial = bool(accused, "accused.publicOfficial");
        boolean minor = bool(object(root, "victim"), "victim.minor");
        boolean danger = bool(object(root, "risk"), "risk.immediateDanger");
        JsonNode complainant = object(root, "complainant");
        ComplainantMode mode = enumValue("complainant.mode", requiredText(complainant, "complainant.mode"),
                ComplainantMode.class);
        object(complainant, "complainant.sealed");

        ComplaintFacts facts = new ComplaintFacts(categories, sector, type, role, publicOfficial, minor, danger, mode,
                country, region, regionKnown, district, received.atOffset(ZoneOffset.UTC).toLocalDate());
        return new ReceivedComplaint(eventId, complaintId, reference, receivedAt, channel, language, facts,
                rawParts(value));
    }

    /**
     * Parses with a parser of our own, so that an error that carries no location (a {@code StreamReadConstraints}
     * limit: nesting depth, number or name length) is placed where the parser stopped, not at line -1.
     */
    private @Nullable JsonNode parse(byte[] value) {
        try (JsonParser parser = json.createParser(value)) {
            try {
                JsonNode root = json.readTree(parser);
                if (root != null && parser.nextToken() != null) {
                    throw notJson(parser.currentLocation());
                }
                return root;
            } catch (UndecidableEventException e) {
                throw e;
            } catch (JacksonException e) {
                TokenStreamLocation location = e.getLocation();
                throw notJson(location == null || location.getLineNr() < 1 ? parser.currentLocation() : location);
            }
        }
    }

    /** The parser's message quotes the offending text, which may be personal data: give the place only. */
    private static UndecidableEventException notJson(TokenStreamLocation location) {
        return new UndecidableEventException("not_json", "the record is not JSON (stopped at line "
                + location.getLineNr() + ", column " + location.getColumnNr() + ")");
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

    private static String uuid(JsonNode node, String field) {
        String value = requiredText(node, field);
        try {
            return UUID.fromString(value).toString().equals(value.toLowerCase(java.util.Locale.ROOT)) ? value
                    : failUuid(field);
        } catch (IllegalArgumentException e) {
            return failUuid(field);
        }
    }

    private static String failUuid(String field) {
        throw UndecidableEventException.invalid(field, "a UUID");
    }

    private static JsonNode object(JsonNode parent, String path) {
        JsonNode node = parent.get(leaf(path));
        if (node == null || node.isNull()) {
            throw UndecidableEventException.missing(path);
        }
        if (!node.isObject()) {
            throw UndecidableEventException.invalid(path, "a JSON object");
        }
        return node;
    }

    private static boolean bool(JsonNode parent, String path) {
        JsonNode node = parent.get(leaf(path));
        if (node == null || node.isNull()) {
            throw UndecidableEventException.missing(path);
        }
        if (!node.isBoolean()) {
            throw UndecidableEventException.invalid(path, "true or false");
        }
        return node.booleanValue();
    }

    private static String requiredText(JsonNode parent, String path) {
        String value = optionalText(parent, path);
        if (value == null) {
            throw UndecidableEventException.missing(path);
        }
        if (value.isBlank()) {
            throw UndecidableEventException.invalid(path, "a non-empty string");
        }
        return value;
    }

    private static @Nullable String optionalText(JsonNode parent, String path) {
        JsonNode node = parent.get(leaf(path));
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw UndecidableEventException.invalid(path, "a string");
        }
        return node.stringValue();
    }

    private static <E extends Enum<E>> @Nullable E optionalEnum(JsonNode parent, String path, Class<E> type) {
        JsonNode node = parent.get(leaf(path));
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw UndecidableEventException.invalid(path, "a string");
        }
        return enumValue(path, node.stringValue(), type);
    }

    private static <E extends Enum<E>> E enumValue(String path, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new UndecidableEventException("invalid_field", "field " + path + " has a value routing does not know");
        }
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
