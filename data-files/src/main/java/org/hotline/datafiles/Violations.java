package org.hotline.datafiles;

import com.networknt.schema.Error;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The validator's errors about one file, as the sentences a data steward reads: {@code 'code' is required},
 * {@code unit: unknown field 'colour' (allowed: code, kind, ...)}, {@code unknown kind 'PROVINCE' (one of COUNTRY,
 * REGION, DISTRICT)}, each at the line of the YAML it is about. A schema words a violation its own way with
 * {@value DataFileSchema#PROBLEMS_KEYWORD}, a mapping from keyword to sentence next to the keyword (for
 * {@code required}, in the required field's own schema), in which {@code {name}} is the field, {@code {value}} the
 * value as written, {@code {values}} the allowed values, {@code {limit}} the keyword's bound and {@code {parent}}
 * the field the value is in. An object's {@code title} names it in the unknown-field sentence.
 */
final class Violations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Keywords about a container as a whole: its entries stay, and are bound. */
    private static final Set<String> CONTAINER_KEYWORDS = Set.of("required", "minItems", "maxItems", "minProperties",
            "maxProperties", "uniqueItems");

    private final String file;
    private final JsonNode schema;
    private final YamlTree.Lines lines;
    /** Values left empty that the schema wants single: absent, and "must not be empty" where required. */
    private final Set<String> emptied = new HashSet<>();
    private @Nullable JsonNode tree;

    Violations(String file, JsonNode schema, YamlTree.Lines lines) {
        this.file = file;
        this.schema = schema;
        this.lines = lines;
    }

    /**
     * Gives the values the schema wants of another type than {@link YamlTree} guessed that type, as the readers
     * before the schemas read them: an empty value of a field that may be a single value (text, a number, true or
     * false; not a list) is absent, a number or boolean where
     * text is wanted is the text as written, and text that reads as a whole number or a boolean is one where one
     * is wanted.
     *
     * @return whether anything changed, so that the tree must be validated again
     */
    boolean adjust(JsonNode root, List<Error> errors) {
        boolean changed = false;
        for (Error error : errors) {
            if (!error.getKeyword().equals("type")) {
                continue;
            }
            String pointer = DataFileSchema.pointer(error.getInstanceLocation());
            JsonNode node = root.at(pointer);
            Set<String> expected = types(error.getSchemaNode());
            boolean single = !expected.contains("array") && (expected.contains("string")
                    || expected.contains("integer") || expected.contains("number") || expected.contains("boolean"));
            if (node.isNull() && single && !pointer.isEmpty() && root.at(parent(pointer)).isObject()) {
                ((ObjectNode) root.at(parent(pointer))).remove(lastName(pointer));
                emptied.add(pointer);
                changed = true;
            } else if ((node.isNumber() || node.isBoolean()) && expected.contains("string")) {
                changed |= replace(root, pointer, NODES.stringNode(node.asString()));
            } else if (node.isString() && (expected.contains("integer") || expected.contains("number"))
                    && wholeNumber(node.asString()) != null) {
                changed |= replace(root, pointer, NODES.numberNode(wholeNumber(node.asString())));
            } else if (node.isString() && expected.contains("boolean")
                    && (node.asString().equals("true") || node.asString().equals("false"))) {
                changed |= replace(root, pointer, NODES.booleanNode(node.asString().equals("true")));
            }
        }
        return changed;
    }

    /**
     * Adds a problem for each error that {@code reported} accepts and removes the value it is about, so that
     * binding sees only values the schema allows (an entry of a list becomes null, keeping the others' places).
     *
     * @return the tree to bind, or null when its root is unusable
     */
    @Nullable JsonNode report(JsonNode root, List<Error> errors, Predicate<Violation> reported,
            List<Problem> problems) {
        this.tree = root;
        Set<String> wrongType = errors.stream().filter(error -> error.getKeyword().equals("type"))
                .map(error -> DataFileSchema.pointer(error.getInstanceLocation())).collect(Collectors.toSet());
        Set<String> pruned = new LinkedHashSet<>();
        for (Error error : errors) {
            String keyword = error.getKeyword();
            String at = DataFileSchema.pointer(error.getInstanceLocation());
            if (!keyword.equals("type") && wrongType.contains(at)) {
                continue;
            }
            boolean aboutProperty = error.getProperty() != null && (keyword.equals("required")
                    || keyword.equals("additionalProperties") || keyword.equals("propertyNames"));
            String subject = aboutProperty ? at + "/" + YamlTree.Lines.escape(error.getProperty()) : at;
            if (!reported.test(new Violation(subject, keyword))) {
                continue;
            }
            problems.add(problem(error, keyword, at, subject));
            if (!CONTAINER_KEYWORDS.contains(keyword)) {
                pruned.add(subject);
            }
        }
        if (pruned.contains("")) {
            return null;
        }
        for (String pointer : pruned) {
            JsonNode parent = root.at(parent(pointer));
            if (parent instanceof ObjectNode object) {
                object.remove(lastName(pointer));
            } else if (parent instanceof ArrayNode array) {
                array.set(Integer.parseInt(lastName(pointer)), NODES.nullNode());
            }
        }
        return root;
    }

    private Problem problem(Error error, String keyword, String at, String subject) {
        JsonNode holder = schema.at(holderPointer(error));
        JsonNode own = error.getSchemaNode();
        JsonNode value = error.getInstanceNode();
        return switch (keyword) {
            case "required" -> emptied.contains(subject)
                    ? problem(lines.of(subject), "'" + error.getProperty() + "' must not be empty")
                    : problem(lines.of(at), worded(requiredWording(holder, error.getProperty()),
                            "'{name}' is required", subject, value, own));
            case "additionalProperties" -> problem(lines.ofKey(subject), label(holder, at) + ": unknown field '"
                    + error.getProperty() + "' (allowed: " + String.join(", ", holder.path("properties")
                    .propertyNames()) + ")");
            case "propertyNames" -> problem(lines.ofKey(subject), worded(holder.path(DataFileSchema.PROBLEMS_KEYWORD)
                    .path(keyword), "'{name}' has an unknown key '{value}'", at,
                    NODES.stringNode(error.getProperty()), own.path("enum")));
            case "type" -> problem(lines.of(at), worded(aListOrMappingForAValue(value, own) ? NODES.missingNode()
                    : wording(holder, keyword), typeWording(at, value, own), at, value, own));
            default -> problem(lines.of(at), worded(wording(holder, keyword), defaultWording(error), at, value,
                    keyword.equals("enum") ? own : NODES.nullNode()));
        };
    }

    private Problem problem(int line, String text) {
        return new Problem(file, line, text);
    }

    private static String defaultWording(Error error) {
        return switch (error.getKeyword()) {
            case "enum" -> "unknown {name} '{value}' (one of {values})";
            case "format" -> "'{name}' must be a " + error.getSchemaNode().asString() + ", not '{value}'";
            case "pattern" -> "'{name}' does not have the expected form: '{value}'";
            case "minimum", "exclusiveMinimum" -> "'{name}' must be at least {limit}, not {value}";
            case "maximum", "exclusiveMaximum" -> "'{name}' must be at most {limit}, not {value}";
            case "minItems" -> error.getSchemaNode().asInt() == 1 ? "'{name}' must not be empty"
                    : "'{name}' must list at least {limit} entries";
            case "minProperties", "minLength" -> "'{name}' must not be empty";
            case "uniqueItems" -> "'{name}' lists a value twice";
            default -> "'{name}' " + error.getMessage();
        };
    }

    private String typeWording(String at, JsonNode value, JsonNode typeKeyword) {
        Set<String> expected = types(typeKeyword);
        boolean inList = !at.isEmpty() && tree().at(parent(at)).isArray();
        if (expected.contains("array")) {
            return "'{name}' must be a list";
        }
        if (expected.contains("object") && !expected.contains("string")) {
            return at.isEmpty() ? "the file must be a YAML mapping"
                    : inList ? "each entry of '{name}' must be a mapping" : "'{name}' must be a mapping";
        }
        if (value.isContainer()) {
            return inList ? "'{name}' must list plain values" : "'{name}' must be a single value";
        }
        if (expected.contains("boolean")) {
            return "'{name}' must be true or false, not '{value}'";
        }
        if (expected.contains("integer")) {
            return "'{name}' must be a whole number, not '{value}'";
        }
        return "'{name}' must be " + String.join(" or ", expected) + ", not '{value}'";
    }

    /** A schema's own wording is about a wrong value; a list or mapping where one value goes is said plainly. */
    private static boolean aListOrMappingForAValue(JsonNode value, JsonNode typeKeyword) {
        Set<String> expected = types(typeKeyword);
        return value.isContainer() && !expected.contains("object") && !expected.contains("array");
    }

    private JsonNode wording(JsonNode holder, String keyword) {
        return holder.path(DataFileSchema.PROBLEMS_KEYWORD).path(keyword);
    }

    /** The wording for a missing field: in the field's own schema, or in the definition it refers to. */
    private JsonNode requiredWording(JsonNode holder, String property) {
        JsonNode field = holder.path("properties").path(property);
        JsonNode own = wording(field, "required");
        if (!own.isMissingNode() || !field.path("$ref").asString("").startsWith("#")) {
            return own;
        }
        return wording(schema.at(field.path("$ref").asString().substring(1)), "required");
    }

    private String worded(JsonNode wording, String fallback, String at, @Nullable JsonNode value, JsonNode own) {
        String text = wording.isString() ? wording.asString() : fallback;
        String values = own.isArray() ? own.values().stream().map(JsonNode::asString)
                .collect(Collectors.joining(", ")) : "";
        return text.replace("{name}", name(at))
                .replace("{parent}", at.isEmpty() ? "" : name(parent(at)))
                .replace("{values}", values)
                .replace("{limit}", own.isValueNode() ? own.asString() : "")
                .replace("{value}", value == null || value.isContainer() ? "" : value.asString());
    }

    private String label(JsonNode holder, String at) {
        return holder.path("title").isString() ? holder.path("title").asString() : name(at);
    }

    /** The field a pointer names: for an entry of a list, the list's field. */
    private String name(String pointer) {
        if (pointer.isEmpty()) {
            return "";
        }
        if (tree().at(parent(pointer)).isArray()) {
            return name(parent(pointer));
        }
        return lastName(pointer);
    }

    private JsonNode tree() {
        return tree == null ? NODES.missingNode() : tree;
    }

    private static String holderPointer(Error error) {
        String location = DataFileSchema.pointer(error.getSchemaLocation().getFragment());
        return location.isEmpty() ? "" : parent(location);
    }

    private static boolean replace(JsonNode root, String pointer, JsonNode value) {
        if (pointer.isEmpty()) {
            return false;
        }
        JsonNode parent = root.at(parent(pointer));
        if (parent instanceof ObjectNode object) {
            object.set(lastName(pointer), value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(lastName(pointer)), value);
        }
        return true;
    }

    private static @Nullable Integer wholeNumber(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Set<String> types(JsonNode typeKeyword) {
        Set<String> types = new LinkedHashSet<>();
        if (typeKeyword.isArray()) {
            typeKeyword.values().forEach(type -> types.add(type.asString()));
        } else {
            types.add(typeKeyword.asString());
        }
        return types;
    }

    private static String parent(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private static String lastName(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }
}
