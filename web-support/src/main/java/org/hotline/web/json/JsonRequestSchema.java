package org.hotline.web.json;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A request body's shape checked against one of the published schemas (docs/schemas, packaged under
 * {@code org/hotline/web/json/schemas/}): fields the schema does not list and values of the wrong JSON type, every
 * one reported at once with its path, in words a client's developer reads without knowing JSON Schema.
 *
 * <p>Only those two kinds are reported here. The schema also lists the required fields and the allowed values, but
 * a service's own rules check those too, with messages that name the allowed values and explain the rule; reporting
 * them twice would only say the same thing less well. A value of {@code null} for a field counts as absent, as it
 * always has in this API, so it is never a type error; inside an array it is.
 */
public final class JsonRequestSchema {

    /** The longest unknown field name a violation repeats, in code points; longer ones are cut and end with …. */
    public static final int SHOWN_NAME_LENGTH = 40;

    private static final String FOLDER = "org/hotline/web/json/schemas/";
    private static final Set<String> SHAPE_KEYWORDS = Set.of("type", "additionalProperties");

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final Schema schema;
    private final JsonNode document;

    private JsonRequestSchema(Schema schema, JsonNode document) {
        this.schema = schema;
        this.document = document;
    }

    /** The schema {@code file} of docs/schemas, such as {@code complaint-request.v1.schema.json}. */
    public static JsonRequestSchema load(String file) {
        try (InputStream in = JsonRequestSchema.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema " + file + " packaged under " + FOLDER);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
            return new JsonRequestSchema(registry.getSchema(text), JsonMapper.shared().readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses the body: duplicate keys and content after the value are errors too. An error without a location of
     * its own (a {@code StreamReadConstraints} limit: nesting depth, number or name length) is located where the
     * parser stopped instead of at line -1, column -1.
     *
     * @throws MalformedJsonException when the body is not JSON
     */
    public JsonNode parse(byte[] body) {
        try (JsonParser parser = mapper.createParser(body)) {
            try {
                JsonNode root = mapper.readTree(parser);
                if (root != null && parser.nextToken() != null) {
                    throw malformed("Trailing content after the JSON value", parser.currentLocation());
                }
                return root == null ? MissingNode.getInstance() : root;
            } catch (MalformedJsonException e) {
                throw e;
            } catch (JacksonException e) {
                TokenStreamLocation location = e.getLocation();
                if (location == null || location.getLineNr() < 1) {
                    location = parser.currentLocation();
                }
                throw malformed(e.getOriginalMessage(), location);
            }
        }
    }

    /** The schema itself, as published: its fields, required lists, allowed values and examples. */
    public JsonNode document() {
        return document;
    }

    /**
     * The values the schema allows at {@code pointer} (a JSON Pointer into the schema, such as
     * {@code /properties/channel}), in the schema's order, without {@code null}.
     *
     * @throws IllegalArgumentException when the schema lists no values there
     */
    public List<String> allowedValues(String pointer) {
        JsonNode values = document.at(pointer).path("enum");
        if (!values.isArray()) {
            throw new IllegalArgumentException("the schema lists no values at " + pointer);
        }
        return values.values().stream().filter(value -> !value.isNull()).map(JsonNode::asString).toList();
    }

    /** Binds a body that {@link #violations} found nothing wrong with to {@code type}, by field name. */
    public <T> T bind(JsonNode body, Class<T> type) {
        return mapper.treeToValue(body, type);
    }

    /**
     * Every field the schema does not list and every value of the wrong JSON type, in the order the validator
     * reports them (not necessarily the body's); none when the shape is right.
     */
    public List<Violation> violations(JsonNode body) {
        List<Violation> violations = new ArrayList<>();
        for (Error error : schema.validate(body)) {
            String keyword = error.getKeyword();
            if (!SHAPE_KEYWORDS.contains(keyword)) {
                continue;
            }
            NodePath location = error.getInstanceLocation();
            if (keyword.equals("additionalProperties")) {
                violations.add(new Violation(child(path(location), shownName(String.valueOf(error.getProperty()))),
                        "is not a field of this API"));
            } else if (!isNullField(error)) {
                violations.add(new Violation(path(location), mustBe(error.getSchemaNode(), location)));
            }
        }
        return violations;
    }

    private static boolean isNullField(Error error) {
        JsonNode value = error.getInstanceNode();
        NodePath location = error.getInstanceLocation();
        boolean inArray = location.getNameCount() > 0
                && location.getElement(location.getNameCount() - 1) instanceof Integer;
        return value != null && value.isNull() && !inArray;
    }

    /** {@code typeKeyword}: the schema's {@code type}, a name or a list like {@code ["string", "null"]}. */
    private static String mustBe(JsonNode typeKeyword, NodePath location) {
        String type = !typeKeyword.isArray() ? typeKeyword.asString() : typeKeyword.values().stream()
                .map(JsonNode::asString).filter(name -> !name.equals("null")).findFirst().orElse("null");
        return switch (type) {
            case "object" -> location.getNameCount() == 0 ? "the body must be a JSON object" : "must be a JSON object";
            case "boolean" -> "must be true or false";
            case "array" -> "must be a JSON array of strings";
            case "integer" -> "must be a whole number";
            case "number" -> "must be a number";
            default -> "must be a JSON " + type;
        };
    }

    /** {@code incident.categories[0]} for the instance location {@code $.incident.categories[0]}; {@code $} alone. */
    private static String path(NodePath location) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(element);
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    private static String child(String parent, String name) {
        return parent.equals("$") ? name : parent + "." + name;
    }

    /**
     * A client's field name as a violation may repeat it: without control, format (bidirectional overrides) or
     * line-separating characters and lone surrogates, and cut at {@link #SHOWN_NAME_LENGTH} code points.
     */
    public static String shownName(String name) {
        StringBuilder shown = new StringBuilder();
        int kept = 0;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                continue;
            }
            if (kept == SHOWN_NAME_LENGTH) {
                return shown.append('…').toString();
            }
            shown.appendCodePoint(c);
            kept++;
        }
        return shown.toString();
    }

    private static MalformedJsonException malformed(String message, TokenStreamLocation location) {
        return new MalformedJsonException(message, location.getLineNr(), location.getColumnNr());
    }

    /** One thing wrong with the body's shape: the field's path ({@code $} for the body) and what is wrong. */
    public record Violation(String path, String problem) {
    }

    /** The body is not parseable JSON; line and column point at the first problem. */
    public static final class MalformedJsonException extends RuntimeException {

        private final int line;
        private final int column;

        MalformedJsonException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }
}
