package org.hotline.datafiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A data file read against its schema ({@link DataFileSchema#read}): the problems found so far, each at its line,
 * and the values the schema allows, to bind to records. A value the schema refused is absent from the binding (an
 * entry of a list is null), so a reader skips it rather than reporting it twice, and checks what the schema cannot
 * say on the rest, adding its problems here by the JSON Pointer of the value they are about.
 */
public final class DataFile {

    /**
     * Binds what the schema allows: fields a reader does not read are ignored (the schema has refused the unknown
     * ones), and one value where a list is allowed is a list of one, as the schemas allow.
     */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    private final String name;
    private final @Nullable JsonNode root;
    private final YamlTree.Lines lines;
    private final List<Problem> problems;

    DataFile(String name, @Nullable JsonNode root, YamlTree.Lines lines, List<Problem> problems) {
        this.name = name;
        this.root = root;
        this.lines = lines;
        this.problems = new ArrayList<>(problems);
    }

    public String name() {
        return name;
    }

    /**
     * The file bound to {@code type}, by field name; null when the file is not a mapping (a problem says so).
     *
     * @throws IllegalStateException when the schema allows a value {@code type} cannot hold: the schema and the
     *     record disagree, which is a defect of the code, not of the file
     */
    public <T> @Nullable T bind(Class<T> type) {
        if (root == null || !root.isObject()) {
            return null;
        }
        try {
            return MAPPER.treeToValue(root, type);
        } catch (JacksonException e) {
            throw new IllegalStateException("the schema of " + name + " allows what " + type.getSimpleName()
                    + " cannot hold: " + e.getOriginalMessage(), e);
        }
    }

    /** The line of the value at {@code pointer} (such as {@code /units/3/parent}), or of its nearest ancestor. */
    public int line(String pointer) {
        return lines.of(pointer);
    }

    /** Adds a problem at the line of the value at {@code pointer}. */
    public void problem(String pointer, String problem) {
        problems.add(new Problem(name, line(pointer), problem));
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Every problem found, by line; those on one line in the order they were found (the schema's first). */
    public List<Problem> problems() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(Problem::line));
        return sorted;
    }
}
