package org.hotline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The published JSON Schemas of docs/schemas, the contract integrators rely on: every event a service writes in a
 * test is checked against its schema, so a change that breaks a reader fails the writer's build.
 */
public final class EventSchemas {

    private static final String BASE = "https://hotline.example.org/schemas/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemas(allSchemas()));

    private EventSchemas() {
    }

    /** Fails, listing every violation, unless {@code event} conforms to {@code schemaFile} of docs/schemas. */
    public static void assertConforms(String schemaFile, JsonNode event) {
        assertThat(errors(schemaFile, event)).as("%s against %s", event, schemaFile).isEmpty();
    }

    /** Every violation of {@code schemaFile} by {@code event}; none when it conforms. */
    public static List<Error> errors(String schemaFile, JsonNode event) {
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(BASE + schemaFile));
        return schema.validate(event);
    }

    private static Map<String, String> allSchemas() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(file -> file.toString().endsWith(".schema.json"))
                    .collect(Collectors.toMap(file -> BASE + file.getFileName(), EventSchemas::read));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** docs/schemas of the repository, found from the module the tests run in, however deep it is. */
    private static Path folder() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path schemas = directory.resolve("docs").resolve("schemas");
            if (Files.isDirectory(schemas)) {
                return schemas;
            }
        }
        throw new IllegalStateException("no docs/schemas above " + Path.of("").toAbsolutePath());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
