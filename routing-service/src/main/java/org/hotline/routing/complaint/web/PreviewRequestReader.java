package org.hotline.routing.complaint.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hotline.routing.rules.domain.AccusedRole;
import org.hotline.routing.rules.domain.Category;
import org.hotline.routing.rules.domain.ComplainantMode;
import org.hotline.routing.rules.domain.ComplaintFacts;
import org.hotline.routing.rules.domain.Sector;
import org.hotline.routing.rules.domain.WorkplaceType;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of {@code POST /api/v1/routing/preview}: the same JSON as {@code POST /api/v1/complaints} of
 * the intake (docs/api.md), checked for shape the same way (unknown fields, wrong JSON types, duplicate keys),
 * and turned into the facts routing decides on. Routing owns this copy of the request's shape. What routing
 * does not decide on (description, contact details) is accepted and ignored, and a region the directory does
 * not list is not an error: the preview then shows the fallback the service would make.
 */
final class PreviewRequestReader {

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "", Set.of("channel", "language", "incident", "location", "workplace", "accused", "victim", "risk",
                    "complainant"),
            "incident", Set.of("categories", "description", "occurredOn", "ongoing"),
            "location", Set.of("country", "region", "districtCode", "settlement"),
            "workplace", Set.of("sector", "type", "organizationName"),
            "accused", Set.of("role", "publicOfficial"),
            "victim", Set.of("minor"),
            "risk", Set.of("immediateDanger"),
            "complainant", Set.of("mode", "name", "email", "phone", "preferredLanguage", "consentToContact"));
    private static final Set<String> CHANNELS = Set.of("WEB", "HOTLINE", "PARTNER_API");
    private static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** Kazakhstan's letter codes retired in 2022, mapped as the intake maps them. */
    private static final Map<String, String> RETIRED = Map.ofEntries(
            Map.entry("KZ-AKM", "KZ-11"), Map.entry("KZ-AKT", "KZ-15"), Map.entry("KZ-ALM", "KZ-19"),
            Map.entry("KZ-ALA", "KZ-75"), Map.entry("KZ-AST", "KZ-71"), Map.entry("KZ-ATY", "KZ-23"),
            Map.entry("KZ-KAR", "KZ-35"), Map.entry("KZ-KUS", "KZ-39"), Map.entry("KZ-KZY", "KZ-43"),
            Map.entry("KZ-MAN", "KZ-47"), Map.entry("KZ-PAV", "KZ-55"), Map.entry("KZ-SEV", "KZ-59"),
            Map.entry("KZ-SHY", "KZ-79"), Map.entry("KZ-VOS", "KZ-63"), Map.entry("KZ-YUZ", "KZ-61"),
            Map.entry("KZ-ZAP", "KZ-27"), Map.entry("KZ-ZHA", "KZ-31"));

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final Clock clock;

    PreviewRequestReader(Clock clock) {
        this.clock = clock;
    }

    /** @throws MalformedJsonException when the body is not JSON at all */
    ComplaintFacts read(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedJsonException(e.getOriginalMessage(), e.getLocation() == null ? -1
                    : e.getLocation().getLineNr(), e.getLocation() == null ? -1 : e.getLocation().getColumnNr());
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new InvalidPreviewException(List.of(new FieldViolation("$", "the body must be a JSON object")));
        }
        Shape shape = new Shape();
        shape.unknownFields(root, "");
        String channel = shape.string(root, "channel", true);
        if (channel != null && !CHANNELS.contains(channel)) {
            shape.fail("channel", "must be one of " + String.join(", ", CHANNELS));
        }
        String language = shape.string(root, "language", true);
        if (language != null && !LANGUAGES.contains(language)) {
            shape.fail("language", "must be one of kk, ru, en");
        }
        JsonNode incident = shape.object(root, "incident", true);
        Set<Category> categories = EnumSet.noneOf(Category.class);
        if (incident != null) {
            List<String> names = shape.strings(incident, "incident.categories");
            if (names.isEmpty()) {
                shape.fail("incident.categories", "must name at least one category");
            }
            for (int i = 0; i < names.size(); i++) {
                Category category = shape.enumValue("incident.categories[" + i + "]", names.get(i), Category.class);
                if (category != null) {
                    categories.add(category);
                }
            }
            shape.string(incident, "incident.description", false);
            shape.string(incident, "incident.occurredOn", false);
            shape.bool(incident, "incident.ongoing");
        }
        JsonNode location = shape.object(root, "location", true);
        String country = null;
        String region = null;
        String district = null;
        if (location != null) {
            country = shape.string(location, "location.country", true);
            if (country != null && !COUNTRY.matcher(country).matches()) {
                shape.fail("location.country", "must be an ISO 3166-1 alpha-2 country code such as KZ");
            }
            region = shape.string(location, "location.region", false);
            if (region != null) {
                String upper = region.strip().toUpperCase(Locale.ROOT);
                region = RETIRED.getOrDefault(upper, upper);
            }
            district = shape.string(location, "location.districtCode", false);
            shape.string(location, "location.settlement", false);
        }
        JsonNode workplace = shape.object(root, "workplace", false);
        Sector sector = null;
        WorkplaceType type = null;
        if (workplace != null) {
            sector = shape.enumValue("workplace.sector", shape.string(workplace, "workplace.sector", false), Sector.class);
            type = shape.enumValue("workplace.type", shape.string(workplace, "workplace.type", false),
                    WorkplaceType.class);
            shape.string(workplace, "workplace.organizationName", false);
        }
        JsonNode accused = shape.object(root, "accused", false);
        AccusedRole role = null;
        boolean publicOfficial = false;
        if (accused != null) {
            role = shape.enumValue("accused.role", shape.string(accused, "accused.role", false), AccusedRole.class);
            publicOfficial = Boolean.TRUE.equals(shape.bool(accused, "accused.publicOfficial"));
        }
        JsonNode victim = shape.object(root, "victim", false);
        boolean minor = victim != null && Boolean.TRUE.equals(shape.bool(victim, "victim.minor"));
        JsonNode risk = shape.object(root, "risk", false);
        boolean danger = risk != null && Boolean.TRUE.equals(shape.bool(risk, "risk.immediateDanger"));
        JsonNode complainant = shape.object(root, "complainant", true);
        ComplainantMode mode = null;
        if (complainant != null) {
            mode = shape.enumValue("complainant.mode", shape.string(complainant, "complainant.mode", true),
                    ComplainantMode.class);
            for (String field : List.of("name", "email", "phone", "preferredLanguage")) {
                shape.string(complainant, "complainant." + field, false);
            }
            shape.bool(complainant, "complainant.consentToContact");
        }
        if (!shape.violations.isEmpty() || country == null || mode == null) {
            throw new InvalidPreviewException(shape.violations);
        }
        return new ComplaintFacts(categories, sector, type, role, publicOfficial, minor, danger, mode, country,
                region, region != null, district, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    /** The body is not parseable JSON; line and column point at the first problem. */
    static final class MalformedJsonException extends RuntimeException {

        final int line;
        final int column;

        MalformedJsonException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    /** Walks the tree, collecting every violation with its path. */
    private static final class Shape {

        final List<FieldViolation> violations = new ArrayList<>();

        void fail(String field, String problem) {
            violations.add(new FieldViolation(field, problem));
        }

        @Nullable JsonNode object(JsonNode parent, String name, boolean required) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                if (required) {
                    fail(name, "is required");
                }
                return null;
            }
            if (!node.isObject()) {
                fail(name, "must be a JSON object");
                return null;
            }
            unknownFields(node, name);
            return node;
        }

        @Nullable String string(JsonNode parent, String path, boolean required) {
            JsonNode node = parent.get(leaf(path));
            if (node == null || node.isNull()) {
                if (required) {
                    fail(path, "is required");
                }
                return null;
            }
            if (!node.isString()) {
                fail(path, "must be a JSON string");
                return null;
            }
            return node.stringValue();
        }

        @Nullable Boolean bool(JsonNode parent, String path) {
            JsonNode node = parent.get(leaf(path));
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isBoolean()) {
                fail(path, "must be true or false");
                return null;
            }
            return node.booleanValue();
        }

        List<String> strings(JsonNode parent, String path) {
            JsonNode node = parent.get(leaf(path));
            List<String> values = new ArrayList<>();
            if (node == null || node.isNull()) {
                return values;
            }
            if (!node.isArray()) {
                fail(path, "must be a JSON array of strings");
                return values;
            }
            int index = 0;
            for (JsonNode element : node.values()) {
                if (element.isString()) {
                    values.add(element.stringValue());
                } else {
                    fail(path + "[" + index + "]", "must be a JSON string");
                }
                index++;
            }
            return values;
        }

        <E extends Enum<E>> @Nullable E enumValue(String path, @Nullable String value, Class<E> type) {
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                List<String> names = new ArrayList<>();
                for (E constant : type.getEnumConstants()) {
                    names.add(constant.name());
                }
                fail(path, "must be one of " + String.join(", ", names));
                return null;
            }
        }

        void unknownFields(JsonNode node, String path) {
            Set<String> known = FIELDS.getOrDefault(path, Set.of());
            for (String name : node.propertyNames()) {
                if (!known.contains(name)) {
                    fail(path.isEmpty() ? name : path + "." + name, "is not a field of this API");
                }
            }
        }

        private static String leaf(String path) {
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }
}
