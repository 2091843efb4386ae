package org.hotline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hotline.datafiles.DataFile;
import org.hotline.datafiles.DataFileSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data files the project ships (the samples the services bundle and the copies the deployment mounts) conform
 * to their published schemas in docs/schemas/data, read as the services read them, and every schema there is a
 * draft-07 schema that some shipped file is checked against.
 */
class DataFileSchemasTest {

    private static final Path ROOT = Path.of("..");
    private static final Path DATA_SCHEMAS = SchemaCompatibilityTest.SCHEMAS.resolve("data");

    /** Which schema each shipped data file follows, by its path from the repository's root. */
    private static final Map<String, String> SCHEMA_BY_FILE = Map.of(
            "**/directory/*/units.yml", "units.schema.json",
            "**/directory/*/authorities.yml", "authorities.schema.json",
            "**/directory/*/rules.yml", "rules.schema.json",
            "**/calendar/*/[0-9][0-9][0-9][0-9].yml", "calendar.schema.json",
            "**/clocks/*/clocks.yml", "clocks.schema.json",
            "**/ladder/*/ladder.yml", "ladder.schema.json");

    static Stream<Path> shippedDataFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(file -> !file.toString().contains("/target/") && !file.toString().contains("/."))
                    .filter(file -> schemaOf(file) != null).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedDataFiles")
    void eachShippedDataFileConformsToItsPublishedSchema(Path file) throws IOException {
        // given
        DataFileSchema schema = DataFileSchema.load(schemaOf(file));

        // when
        DataFile read = schema.read(file.getFileName().toString(), Files.readAllBytes(file));

        // then
        assertThat(read.problems()).as("%s against %s", file, schema).isEmpty();
    }

    @Test
    void shipsTheSamplesOfEveryServiceAndTheDeploymentsCopies() throws IOException {
        assertThat(shippedDataFiles().map(file -> ROOT.relativize(file).toString())).contains(
                "routing-service/src/main/resources/directory/kz/units.yml",
                "deploy/k8s/base/config/directory/kz/rules.yml",
                "deadlines/src/main/resources/calendar/kz/2026.yml",
                "deadlines/src/main/resources/clocks/kz/clocks.yml",
                "case-service/src/main/resources/ladder/kz/ladder.yml");
    }

    @Test
    void everyDataSchemaIsADraft7SchemaThatAShippedFileFollows() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        List<String> followed = shippedDataFiles().map(DataFileSchemasTest::schemaOf).distinct().toList();
        try (Stream<Path> schemas = Files.list(DATA_SCHEMAS)) {
            assertThat(schemas).isNotEmpty().allSatisfy(schema -> {
                assertThat(registry.getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"))
                        .validate(JsonMapper.shared().readTree(Files.readString(schema))))
                        .as("%s against the draft-07 meta-schema", schema.getFileName()).isEmpty();
                assertThat(followed).as("a shipped file follows %s", schema.getFileName())
                        .contains(schema.getFileName().toString());
            });
        }
    }

    /** The schema of {@code file} (a path under {@link #ROOT}), or null when it is not a data file. */
    private static String schemaOf(Path file) {
        for (Map.Entry<String, String> entry : SCHEMA_BY_FILE.entrySet()) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + entry.getKey());
            if (matcher.matches(file)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
