package org.hotline.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * For tests that read the OpenAPI document a service serves: its operations, their JSON request bodies and examples,
 * and what every document of the hotline must state (docs/api.md, "The OpenAPI documents").
 */
public final class OpenApiDocuments {

    /** The HTTP methods an OpenAPI path item may hold, as its keys spell them. */
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";

    private OpenApiDocuments() {
    }

    /** One operation of the document: {@code post /api/v1/complaints} and its object. */
    public record Operation(String method, String path, JsonNode node) {

        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    /** Every operation of the document, in its order. */
    public static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> item : path.getValue().properties()) {
                if (METHODS.contains(item.getKey())) {
                    operations.add(new Operation(item.getKey(), path.getKey(), item.getValue()));
                }
            }
        }
        return operations;
    }

    /** The operation at {@code path} with {@code method} ({@code post}). */
    public static Operation operation(JsonNode document, String method, String path) {
        return operations(document).stream().filter(op -> op.method.equals(method) && op.path.equals(path))
                .findFirst().orElseThrow(() -> new AssertionError("the document has no " + method + " " + path));
    }

    /** {@code schema}, or the schema of the document's components it refers to ({@code $ref}). */
    public static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode ref = schema.path("$ref");
        return ref.isString() ? document.at(ref.asString().substring(1)) : schema;
    }

    /** The schema of the operation's JSON request body, references followed; missing when it takes none. */
    public static JsonNode requestSchema(JsonNode document, Operation operation) {
        JsonNode schema = operation.node().at("/requestBody/content").path(JSON).path("schema");
        return schema.isMissingNode() ? schema : resolve(document, schema);
    }

    /**
     * The example of the operation's JSON request body, where Swagger UI takes it from: the media type's, else its
     * schema's ({@code example}, or the first of {@code examples}).
     */
    public static JsonNode requestExample(JsonNode document, Operation operation) {
        JsonNode example = operation.node().at("/requestBody/content").path(JSON).path("example");
        if (!example.isMissingNode()) {
            return example;
        }
        JsonNode schema = requestSchema(document, operation);
        if (!schema.path("example").isMissingNode()) {
            return schema.path("example");
        }
        JsonNode examples = schema.path("examples");
        return examples.isArray() && !examples.isEmpty() ? examples.get(0) : MissingNode.getInstance();
    }

    /** The example of the operation's path parameter {@code name}; missing when it has none. */
    public static JsonNode parameterExample(Operation operation, String name) {
        for (JsonNode parameter : operation.node().path("parameters").values()) {
            if (parameter.path("name").asString().equals(name)) {
                return parameter.path("example");
            }
        }
        return MissingNode.getInstance();
    }

    /**
     * Fails, naming everything missing at once, unless the document states: a title of its own (not springdoc's
     * "OpenAPI definition"), a version other than springdoc's "v0" and a description; for each operation a summary,
     * a description and its answers, each error answer (4xx, 5xx) an RFC 9457 problem
     * ({@code application/problem+json}, the Problem schema); for each JSON request body a schema with an example,
     * and the fields it requires whenever it has fields.
     */
    public static void assertReadable(JsonNode document) {
        SoftAssertions softly = new SoftAssertions();
        JsonNode info = document.path("info");
        softly.assertThat(info.path("title").asString("")).as("info.title").isNotBlank()
                .isNotEqualTo("OpenAPI definition");
        softly.assertThat(info.path("version").asString("")).as("info.version").isNotBlank().isNotEqualTo("v0");
        softly.assertThat(info.path("description").asString("")).as("info.description").isNotBlank();
        List<Operation> operations = operations(document);
        softly.assertThat(operations).as("operations").isNotEmpty();
        for (Operation operation : operations) {
            JsonNode node = operation.node();
            softly.assertThat(node.path("summary").asString("")).as(operation + " summary").isNotBlank();
            softly.assertThat(node.path("description").asString("")).as(operation + " description").isNotBlank();
            softly.assertThat(node.path("responses").propertyNames()).as(operation + " responses").isNotEmpty();
            for (Map.Entry<String, JsonNode> response : node.path("responses").properties()) {
                String what = operation + " answer " + response.getKey();
                softly.assertThat(response.getValue().path("description").asString("")).as(what + " description")
                        .isNotBlank();
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    softly.assertThat(response.getValue().at("/content").path(PROBLEM_JSON).at("/schema/$ref")
                            .asString("")).as(what + " schema").isEqualTo("#/components/schemas/Problem");
                }
            }
            if (!node.path("requestBody").isMissingNode()) {
                JsonNode schema = requestSchema(document, operation);
                softly.assertThat(schema.isMissingNode()).as(operation + " takes JSON with a schema").isFalse();
                softly.assertThat(requestExample(document, operation).isObject()).as(operation + " body example")
                        .isTrue();
                if (!schema.path("properties").isEmpty()) {
                    softly.assertThat(schema.path("required").values()).as(operation + " body's required fields")
                            .isNotEmpty();
                }
            }
        }
        softly.assertThat(document.at("/components/schemas/Problem/properties").propertyNames())
                .as("the Problem schema").contains("type", "title", "status", "detail");
        softly.assertAll();
    }

    /**
     * A copy of {@code schema} with every {@code required} list in alphabetical order, to compare two schemas: the
     * order of a {@code required} list means nothing, and Swagger's model sorts it.
     */
    public static JsonNode withRequiredSorted(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        sortRequired(copy);
        return copy;
    }

    private static void sortRequired(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode required = object.get("required");
            if (required instanceof ArrayNode names) {
                List<String> sorted = names.values().stream().map(JsonNode::asString).sorted().toList();
                names.removeAll();
                sorted.forEach(names::add);
            }
        }
        node.values().forEach(OpenApiDocuments::sortRequired);
    }

    /** The values the schema at {@code pointer} of {@code schema} allows, without {@code null}. */
    public static List<String> allowedValues(JsonNode schema, String pointer) {
        return schema.at(pointer).path("enum").values().stream().filter(value -> !value.isNull())
                .map(JsonNode::asString).toList();
    }
}
