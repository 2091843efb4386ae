package org.hotline.datafiles;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One of the published schemas of the data files an NGO edits (docs/schemas/data, packaged under
 * {@code org/hotline/datafiles/schemas/}), and the reading of a file against it: the YAML becomes a JSON tree, the
 * schema's validator reports every violation at once with its path, and each violation becomes a sentence at the
 * line of the YAML it is about (see {@link Violations} for the wording). Checks the schema cannot state
 * (references between entries, rules across fields) are the readers' own, made on the bound records.
 */
public final class DataFileSchema {

    /** The keyword the schemas carry their own wording in; validators and editors ignore it. */
    static final String PROBLEMS_KEYWORD = "x-problems";

    private static final String FOLDER = "org/hotline/datafiles/schemas/";

    private final String file;
    private final Schema schema;
    private final JsonNode document;

    private DataFileSchema(String file, Schema schema, JsonNode document) {
        this.file = file;
        this.schema = schema;
        this.document = document;
    }

    /** The schema {@code file} of docs/schemas/data, such as {@code units.schema.json}. */
    public static DataFileSchema load(String file) {
        try (InputStream in = DataFileSchema.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema " + file + " packaged under " + FOLDER);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Dialect dialect = Dialect.builder(Dialects.getDraft7())
                    .keyword(new NonValidationKeyword(PROBLEMS_KEYWORD))
                    .build();
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect);
            return new DataFileSchema(file, registry.getSchema(text), JsonMapper.shared().readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code content}, reporting every problem the schema finds. */
    public DataFile read(String fileName, byte[] content) {
        return read(fileName, content, violation -> true);
    }

    /**
     * Reads {@code content}, reporting only the problems the schema finds that {@code reported} accepts: for a
     * reader of part of another service's file. The values of the others are bound as they are.
     */
    public DataFile read(String fileName, byte[] content, Predicate<Violation> reported) {
        List<Problem> problems = new ArrayList<>();
        YamlTree.Lines lines = new YamlTree.Lines();
        JsonNode root = YamlTree.read(fileName, content, lines, problems);
        if (root == null) {
            return new DataFile(fileName, null, lines, problems);
        }
        Violations violations = new Violations(fileName, document, lines);
        List<Error> errors = schema.validate(root);
        if (violations.adjust(root, errors)) {
            errors = schema.validate(root);
        }
        JsonNode bound = violations.report(root, errors, reported, problems);
        return new DataFile(fileName, bound, lines, problems);
    }

    /** The JSON Pointer of a validator's path. */
    static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(YamlTree.Lines.escape(String.valueOf(path.getElement(i))));
        }
        return pointer.toString();
    }

    @Override
    public String toString() {
        return file;
    }
}
