package org.hotline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A v1 schema may only gain optional fields. Each schema in docs/schemas is compared with its released copy in
 * docs/schemas/released: same required fields, and every released field still there with the same type, constant,
 * allowed values, format, pattern and reference, at every depth. A breaking change needs a v2 schema and topic.
 */
class SchemaCompatibilityTest {

    static final Path SCHEMAS = Path.of("..", "docs", "schemas");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> FIXED = List.of("type", "const", "enum", "format", "pattern", "$ref");

    static Stream<String> releasedSchemas() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMAS.resolve("released"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".schema.json"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("releasedSchemas")
    void keepsTheCurrentSchemaBackwardCompatibleWithItsReleasedCopy(String file) throws IOException {
        JsonNode released = read(SCHEMAS.resolve("released").resolve(file));
        JsonNode current = read(SCHEMAS.resolve(file));

        assertThat(breakingChanges(released, current, "$")).as(file).isEmpty();
    }

    @Test
    void namesAddingARequiredFieldRemovingAFieldAndNarrowingAnEnumAsBreaking() {
        JsonNode released = JSON.readTree("""
                {"type":"object","required":["a"],"properties":{
                  "a":{"type":"string"},"b":{"enum":["X","Y"]},"c":{"type":"object","properties":{"d":{"type":"integer"}}}}}
                """);
        JsonNode compatible = JSON.readTree("""
                {"type":"object","required":["a"],"properties":{
                  "a":{"type":"string"},"b":{"enum":["X","Y"]},"c":{"type":"object","properties":{"d":{"type":"integer"}}},
                  "e":{"type":"string"}}}
                """);
        JsonNode breaking = JSON.readTree("""
                {"type":"object","required":["a","e"],"properties":{
                  "a":{"type":"string"},"b":{"enum":["X"]},"c":{"type":"object","properties":{}},"e":{"type":"string"}}}
                """);

        assertThat(breakingChanges(released, compatible, "$")).isEmpty();
        assertThat(breakingChanges(released, breaking, "$")).containsExactlyInAnyOrder(
                "$: required fields changed from [a] to [a, e]",
                "$.b: enum changed",
                "$.c.d: removed");
    }

    @Test
    void everyCurrentSchemaHasAReleasedCopy() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            assertThat(files.filter(file -> file.toString().endsWith(".schema.json")))
                    .allSatisfy(file -> assertThat(SCHEMAS.resolve("released").resolve(file.getFileName()))
                            .as("release %s by copying it to docs/schemas/released", file.getFileName()).exists());
        }
    }

    static List<String> breakingChanges(JsonNode released, JsonNode current, String path) {
        List<String> changes = new ArrayList<>();
        for (String keyword : FIXED) {
            if (released.has(keyword) && !released.get(keyword).equals(current.get(keyword))) {
                changes.add(path + ": " + keyword + " changed");
            }
        }
        Set<String> requiredBefore = names(released.get("required"));
        Set<String> requiredNow = names(current.get("required"));
        if (!requiredBefore.equals(requiredNow)) {
            changes.add(path + ": required fields changed from " + requiredBefore.stream().sorted().toList()
                    + " to " + requiredNow.stream().sorted().toList());
        }
        if (!released.has("additionalProperties") && current.has("additionalProperties")
                && current.get("additionalProperties").isBoolean() && !current.get("additionalProperties").booleanValue()) {
            changes.add(path + ": additional properties forbidden");
        }
        JsonNode properties = released.get("properties");
        if (properties != null) {
            for (var property : properties.properties()) {
                JsonNode now = current.path("properties").get(property.getKey());
                if (now == null) {
                    changes.add(path + "." + property.getKey() + ": removed");
                } else {
                    changes.addAll(breakingChanges(property.getValue(), now, path + "." + property.getKey()));
                }
            }
        }
        if (released.has("items")) {
            changes.addAll(breakingChanges(released.get("items"), current.path("items"), path + "[]"));
        }
        return changes;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        if (array != null) {
            array.values().forEach(name -> names.add(name.stringValue()));
        }
        return names;
    }

    static JsonNode read(Path file) throws IOException {
        return JSON.readTree(Files.readString(file));
    }
}
