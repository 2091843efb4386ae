package org.hotline.testsupport;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * For tests that hold a published schema to a service's own rules: the fields the schema requires, and its first
 * example without one of them.
 */
public final class SchemaContracts {

    private SchemaContracts() {
    }

    /** The schema's required fields as paths ({@code channel}, {@code incident.description}), two levels deep. */
    public static List<String> requiredFields(JsonNode schema) {
        List<String> paths = new ArrayList<>();
        schema.get("required").values().forEach(name -> {
            paths.add(name.asString());
            JsonNode nested = schema.get("properties").get(name.asString()).get("required");
            if (nested != null) {
                nested.values().forEach(field -> paths.add(name.asString() + "." + field.asString()));
            }
        });
        return paths;
    }

    /** A copy of the schema's first example without the field at {@code path} (as {@link #requiredFields} gives). */
    public static ObjectNode exampleWithout(JsonNode schema, String path) {
        ObjectNode example = (ObjectNode) schema.get("examples").get(0).deepCopy();
        int dot = path.lastIndexOf('.');
        ObjectNode parent = dot < 0 ? example : (ObjectNode) example.get(path.substring(0, dot));
        parent.remove(path.substring(dot + 1));
        return example;
    }
}
