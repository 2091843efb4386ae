package org.hotline.web.json;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event read against its published schema (docs/schemas, packaged under {@code org/hotline/web/json/schemas/}):
 * parsed strictly, checked with every violation reported with its path, then bound by field name to the reader's
 * own records. The schema is the one integrators read, so the contract a service enforces cannot drift from it;
 * what a schema cannot say (cross-field rules, opening sealed values) stays with the reader.
 *
 * <p>A {@code null} field of an object counts as absent, as it always has on these topics: a required one is
 * missing, an optional one is not there. Fields the schema does not list are ignored when bound, so a producer may
 * add optional fields without a new version. No violation quotes a value: an event may carry personal data.
 */
public final class JsonEventSchema {

    private static final String BASE = "https://hotline.example.org/schemas/";
    private static final String FOLDER = "org/hotline/web/json/schemas/";
    private static final Pattern INDEX = Pattern.compile("\\[[0-9]+]");

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final Schema schema;

    private JsonEventSchema(Schema schema) {
        this.schema = schema;
    }

    /**
     * The schema {@code file} of docs/schemas, such as {@code complaint-received.v1.schema.json}, with the schemas it
     * refers to ({@code sealed-value.v1.schema.json}) resolved from the same folder. Formats (uuid, date-time,
     * date, email) are checked, not only noted.
     */
    public static JsonEventSchema load(String file) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemas(JsonEventSchema::packaged));
        if (packaged(BASE + file) == null) {
            throw new IllegalArgumentException("no schema " + file + " packaged under " + FOLDER);
        }
        return new JsonEventSchema(registry.getSchema(SchemaLocation.of(BASE + file)));
    }

    /** A schema given as text, for tests of rules no published schema uses yet. */
    static JsonEventSchema of(String schemaText) {
        return new JsonEventSchema(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
                .getSchema(schemaText));
    }

    private static @Nullable String packaged(String id) {
        if (!id.startsWith(BASE)) {
            return null;
        }
        String name = FOLDER + id.substring(BASE.length());
        try (InputStream in = JsonEventSchema.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a record's value: duplicate keys and content after the value are errors too.
     *
     * @throws NotJsonException when the value is not one JSON document; its message gives the place, never the text
     */
    public JsonNode parse(byte[] value) {
        try (JsonParser parser = mapper.createParser(value)) {
            try {
                JsonNode root = mapper.readTree(parser);
                if (root != null && parser.nextToken() != null) {
                    throw notJson(parser.currentLocation());
                }
                if (root == null) {
                    throw new NotJsonException("the record is empty", null);
                }
                return root;
            } catch (NotJsonException e) {
                throw e;
            } catch (JacksonException e) {
                // A limit of StreamReadConstraints (nesting, number or name length) carries no location of its own.
                TokenStreamLocation location = e.getLocation();
                throw notJson(location == null || location.getLineNr() < 1 ? parser.currentLocation() : location);
            }
        }
    }

    /**
     * Every way {@code event} departs from the schema, in the validator's order; none when it conforms. Null fields
     * of objects are removed from {@code event} first (they count as absent).
     */
    public List<Violation> violations(JsonNode event) {
        dropNullFields(event);
        List<Violation> violations = new ArrayList<>();
        List<String> composed = new ArrayList<>();
        for (Error error : schema.validate(event)) {
            Violation violation = violation(error);
            if (violation == null) {
                composed.add(path(error.getInstanceLocation()));
            } else if (!violations.contains(violation)) {
                violations.add(violation);
            }
        }
        // A failed not, or a oneOf that more than one branch matched, reports no branch of its own: without this,
        // such an event would pass. Where a branch did report, its violation names the field better.
        for (String path : composed) {
            Violation violation = new Violation(Kind.INVALID, path, "as docs/schemas describes it");
            if (violations.stream().noneMatch(found -> within(found.path(), path)) && !violations.contains(violation)) {
                violations.add(violation);
            }
        }
        return violations;
    }

    private static boolean within(String path, String parent) {
        return parent.equals("$") || path.equals(parent) || path.startsWith(parent + ".")
                || path.startsWith(parent + "[");
    }

    /**
     * The violations that concern the fields a tolerant reader reads, and no others: those at one of
     * {@code fields}, and those at an object or list that holds one (missing, or not an object), so that a reader
     * which never looks at a field is not stopped by a producer's mistake in it. A field is written as a path,
     * {@code []} standing for any index of a list: {@code assignments[].authorityId}. Fields inside a read field are
     * not implied: list each one that is read ({@code complainant.sealed.keyId}, ...).
     */
    public List<Violation> violations(JsonNode event, Set<String> fields) {
        return violations(event).stream().filter(violation -> concerns(anyIndex(violation.path()), fields)).toList();
    }

    private static boolean concerns(String path, Set<String> fields) {
        if (path.equals("$") || fields.contains(path)) {
            return true;
        }
        for (String field : fields) {
            if (field.startsWith(path + ".") || field.startsWith(path + "[")) {
                return true;
            }
        }
        return false;
    }

    private static String anyIndex(String path) {
        return INDEX.matcher(path).replaceAll("[]");
    }

    /**
     * Binds an event that {@link #violations} found nothing wrong with to {@code type}, by field name.
     *
     * @throws UnboundEventException when a value does not fit the reader's type (an enum constant the reader does
     *     not know, say), naming the field
     */
    public <T> T bind(JsonNode event, Class<T> type) {
        try {
            return mapper.treeToValue(event, type);
        } catch (DatabindException e) {
            throw new UnboundEventException(path(e));
        }
    }

    private static void dropNullFields(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNull()) {
                    fields.remove();
                } else {
                    dropNullFields(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.values().forEach(JsonEventSchema::dropNullFields);
        }
    }

    private static @Nullable Violation violation(Error error) {
        String path = path(error.getInstanceLocation());
        JsonNode rule = error.getSchemaNode();
        return switch (error.getKeyword()) {
            case "required" -> new Violation(Kind.MISSING, child(path, String.valueOf(error.getProperty())),
                    "present");
            case "type" -> new Violation(Kind.INVALID, path, typeName(rule));
            case "enum" -> new Violation(Kind.INVALID, path, "one of " + String.join(", ", rule.values().stream()
                    .filter(value -> !value.isNull()).map(JsonNode::asString).toList()));
            case "const" -> new Violation(Kind.INVALID, path, rule.toString());
            case "format" -> new Violation(Kind.INVALID, path, formatName(rule.asString()));
            case "minLength" -> new Violation(Kind.INVALID, path, rule.asInt() == 1 ? "a non-empty string"
                    : "at least " + rule.asInt() + " characters long");
            case "maxLength" -> new Violation(Kind.INVALID, path, "at most " + rule.asInt() + " characters long");
            case "minItems" -> new Violation(Kind.INVALID, path, rule.asInt() == 1 ? "a non-empty list"
                    : "a list of at least " + rule.asInt());
            case "minimum" -> new Violation(Kind.INVALID, path, "at least " + rule.asString());
            case "maximum" -> new Violation(Kind.INVALID, path, "at most " + rule.asString());
            case "pattern" -> new Violation(Kind.INVALID, path, "in the documented format");
            case "additionalProperties" -> new Violation(Kind.INVALID,
                    child(path, JsonRequestSchema.shownName(String.valueOf(error.getProperty()))), "absent");
            // Composition keywords: their branches' own violations name the field better (see violations).
            case "oneOf", "anyOf", "allOf", "not", "if", "then", "else" -> null;
            default -> new Violation(Kind.INVALID, path, "as docs/schemas describes it");
        };
    }

    private static String typeName(JsonNode typeKeyword) {
        String type = !typeKeyword.isArray() ? typeKeyword.asString() : typeKeyword.values().stream()
                .map(JsonNode::asString).filter(name -> !name.equals("null")).findFirst().orElse("null");
        return switch (type) {
            case "object" -> "a JSON object";
            case "array" -> "a JSON array";
            case "boolean" -> "true or false";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "string" -> "a string";
            default -> "a JSON " + type;
        };
    }

    private static String formatName(String format) {
        return switch (format) {
            case "uuid" -> "a UUID";
            case "date-time" -> "an ISO-8601 instant";
            case "date" -> "an ISO-8601 date";
            case "email" -> "an email address";
            default -> "a " + format.toLowerCase(Locale.ROOT);
        };
    }

    /** {@code incident.categories[0]} for the instance location {@code $.incident.categories[0]}; {@code $} alone. */
    private static String path(NodePath location) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            append(path, location.getElement(i));
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            append(path, reference.getPropertyName() != null ? reference.getPropertyName() : reference.getIndex());
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    private static void append(StringBuilder path, Object element) {
        if (element instanceof Integer index) {
            path.append('[').append(index).append(']');
        } else {
            path.append(path.isEmpty() ? "" : ".").append(element);
        }
    }

    private static String child(String parent, String name) {
        return parent.equals("$") ? name : parent + "." + name;
    }

    private static NotJsonException notJson(TokenStreamLocation location) {
        String place = "line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new NotJsonException("the record is not JSON (stopped at " + place + ")", place);
    }

    /** What is wrong with a field: it is missing, or its value is not what the schema allows. */
    public enum Kind {
        MISSING, INVALID
    }

    /**
     * One departure from the schema: the field's path ({@code $} for the event itself) and, for an invalid value,
     * what it must be, in words ("a UUID", "one of SENT, FAILED"); "present" for a missing field, "absent" for a
     * field the schema forbids.
     */
    public record Violation(Kind kind, String path, String expected) {

        /** {@code required field complaintId is missing}, or {@code field status must be one of SENT, FAILED}. */
        public String describe() {
            return switch (kind) {
                case MISSING -> "required field " + path + " is missing";
                case INVALID -> expected.equals("absent") ? "field " + path + " is not a field of this event"
                        : "field " + path + " must be " + expected;
            };
        }
    }

    /** The record is not one JSON document. */
    public static final class NotJsonException extends RuntimeException {

        private final @Nullable String place;

        NotJsonException(String message, @Nullable String place) {
            super(message);
            this.place = place;
        }

        /**
         * Where the parser stopped, {@code line 1, column 22}, for a reader that words its own refusal; null for an
         * empty record.
         */
        public @Nullable String place() {
            return place;
        }
    }

    /** A value that conforms to the schema but not to the reader's type, at {@link #path()}. */
    public static final class UnboundEventException extends RuntimeException {

        private final String path;

        UnboundEventException(String path) {
            super("field " + path + " has a value this service does not know");
            this.path = path;
        }

        public String path() {
            return path;
        }
    }
}
