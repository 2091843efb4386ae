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
import org.hotline.web.json.JsonRequestSchema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the body of {@code POST /api/v1/routing/preview}: the same JSON as {@code POST /api/v1/complaints} of
 * the intake (docs/api.md), whose shape both services check against the one published schema
 * (docs/schemas/complaint-request.v1.schema.json: unknown fields, wrong JSON types, duplicate keys), and turned into
 * the facts routing decides on. What routing does not decide on (description, contact details) is accepted and
 * ignored, and a region the directory does not list is not an error: the preview then shows the fallback the
 * service would make.
 */
final class PreviewRequestReader {

    static final String SCHEMA = "complaint-request.v1.schema.json";
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** Kazakhstan's letter codes retired in 2022, mapped as the intake maps them. */
    private static final Map<String, String> RETIRED = Map.ofEntries(
            Map.entry("KZ-AKM", "KZ-11"), Map.entry("KZ-AKT", "KZ-15"), Map.entry("KZ-ALM", "KZ-19"),
            Map.entry("KZ-ALA", "KZ-75"), Map.entry("KZ-AST", "KZ-71"), Map.entry("KZ-ATY", "KZ-23"),
            Map.entry("KZ-KAR", "KZ-35"), Map.entry("KZ-KUS", "KZ-39"), Map.entry("KZ-KZY", "KZ-43"),
            Map.entry("KZ-MAN", "KZ-47"), Map.entry("KZ-PAV", "KZ-55"), Map.entry("KZ-SEV", "KZ-59"),
            Map.entry("KZ-SHY", "KZ-79"), Map.entry("KZ-VOS", "KZ-63"), Map.entry("KZ-YUZ", "KZ-61"),
            Map.entry("KZ-ZAP", "KZ-27"), Map.entry("KZ-ZHA", "KZ-31"));

    private final JsonRequestSchema schema = JsonRequestSchema.load(SCHEMA);
    /** Routing decides on neither, so it keeps no type of its own for them: the schema's lists are the rule. */
    private final List<String> channels = schema.allowedValues("/properties/channel");
    private final List<String> languages = schema.allowedValues("/properties/language");
    private final Clock clock;

    PreviewRequestReader(Clock clock) {
        this.clock = clock;
    }

    /** @throws JsonRequestSchema.MalformedJsonException when the body is not JSON at all */
    ComplaintFacts read(byte[] body) {
        JsonNode root = schema.parse(body);
        if (root.isMissingNode() || !root.isObject()) {
            throw new InvalidPreviewException(List.of(new FieldViolation("$", "the body must be a JSON object")));
        }
        Shape shape = new Shape();
        schema.violations(root).forEach(violation -> shape.fail(violation.path(), violation.problem()));
        String channel = shape.string(root, "channel", true);
        if (channel != null && !channels.contains(channel)) {
            shape.fail("channel", "must be one of " + String.join(", ", channels));
        }
        String language = shape.string(root, "language", true);
        if (language != null && !languages.contains(language)) {
            shape.fail("language", "must be one of " + String.join(", ", languages));
        }
        JsonNode incident = shape.object(root, "incident", true);
        Set<Category> categories = EnumSet.noneOf(Category.class);
        if (incident != null) {
            List<@Nullable String> names = shape.strings(incident, "incident.categories");
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

    /**
     * Walks the tree, collecting every violation of the values with its path. A value of the wrong JSON type is
     * skipped: the schema has reported it.
     */
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
            return node.isObject() ? node : null;
        }

        @Nullable String string(JsonNode parent, String path, boolean required) {
            JsonNode node = parent.get(leaf(path));
            if (node == null || node.isNull()) {
                if (required) {
                    fail(path, "is required");
                }
                return null;
            }
            return node.isString() ? node.stringValue() : null;
        }

        @Nullable Boolean bool(JsonNode parent, String path) {
            JsonNode node = parent.get(leaf(path));
            if (node == null || node.isNull()) {
                return null;
            }
            return node.isBoolean() ? node.booleanValue() : null;
        }

        /** The array's strings by index, null for an element of another type (the schema has reported it). */
        List<@Nullable String> strings(JsonNode parent, String path) {
            JsonNode node = parent.get(leaf(path));
            List<@Nullable String> values = new ArrayList<>();
            if (node == null || node.isNull()) {
                return values;
            }
            if (node.isArray()) {
                for (JsonNode element : node.values()) {
                    values.add(element.isString() ? element.stringValue() : null);
                }
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

        private static String leaf(String path) {
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }
}
