package org.hotline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Each schema's examples conform to it: consumers' tests read them as real events, so they must be real. */
class SchemaExamplesTest {

    private static final String BASE = "https://hotline.example.org/schemas/";

    static Stream<String> schemas() throws IOException {
        return SchemaCompatibilityTest.releasedSchemas();
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void theExamplesOfEachSchemaConformToIt(String file) throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemas(allSchemas()));
        JsonNode examples = SchemaCompatibilityTest.read(SchemaCompatibilityTest.SCHEMAS.resolve(file)).get("examples");

        assertThat(examples).as("%s has examples", file).isNotNull();
        assertThat(examples.values()).isNotEmpty().allSatisfy(example -> assertThat(
                registry.getSchema(SchemaLocation.of(BASE + file)).validate(example)).isEmpty());
    }

    static Map<String, String> allSchemas() {
        try (Stream<Path> files = Files.list(SchemaCompatibilityTest.SCHEMAS)) {
            return files.filter(file -> file.toString().endsWith(".schema.json"))
                    .collect(Collectors.toMap(file -> BASE + file.getFileName(), file -> {
                        try {
                            return Files.readString(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
