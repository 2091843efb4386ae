package org.hotline.datafiles;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a YAML file as SnakeYAML nodes, which keep their line numbers, and reports every problem with its
 * file and line. Values are read as text and checked here, never bound by reflection, so a data steward gets
 * "units.yml:42: unknown kind PROVINCE" rather than a stack trace.
 */
public final class YamlNodes {

    /** Where the problems found go, each with its file and line (from 1). */
    @FunctionalInterface
    public interface Problems {
        void add(String file, int line, String problem);
    }

    private final String file;
    private final Problems problems;

    public YamlNodes(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The document's root mapping, or null (with a problem recorded) when the file is not one. */
    public @Nullable MappingNode root(byte[] content) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        // SnakeYAML's default 3 MiB limit is below a routing directory of some ten thousand authorities.
        options.setCodePointLimit(64 * 1024 * 1024);
        try {
            Node node = new Yaml(options).compose(new StringReader(new String(content, StandardCharsets.UTF_8)));
            if (node instanceof MappingNode mapping) {
                return mapping;
            }
            problems.add(file, node == null ? 1 : line(node), "the file must be a YAML mapping");
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            problems.add(file, line, "not valid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            problems.add(file, 1, "not valid YAML: " + e.getMessage());
        }
        return null;
    }

    public static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    public void fail(Node node, String problem) {
        problems.add(file, line(node), problem);
    }

    /** The mapping's entries by key; every key not in {@code allowed} is reported. */
    public Map<String, Node> fields(MappingNode mapping, String what, List<String> allowed) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                fail(tuple.getKeyNode(), what + ": keys must be plain names");
                continue;
            }
            if (!allowed.contains(key.getValue())) {
                fail(key, what + ": unknown field '" + key.getValue() + "' (allowed: " + String.join(", ", allowed) + ")");
                continue;
            }
            fields.put(key.getValue(), tuple.getValueNode());
        }
        return fields;
    }

    public @Nullable String text(Map<String, Node> fields, String name, Node owner, boolean required) {
        Node node = fields.get(name);
        if (node == null) {
            if (required) {
                fail(owner, "'" + name + "' is required");
            }
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            fail(node, "'" + name + "' must be a single value");
            return null;
        }
        String value = scalar.getValue().strip();
        if (value.isEmpty()) {
            if (required) {
                fail(node, "'" + name + "' must not be empty");
            }
            return null;
        }
        return value;
    }

    public @Nullable Boolean bool(Map<String, Node> fields, String name, Node owner, boolean required) {
        String value = text(fields, name, owner, required);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            fail(fields.get(name), "'" + name + "' must be true or false, not '" + value + "'");
            return null;
        }
        return Boolean.valueOf(value);
    }

    public <E extends Enum<E>> @Nullable E enumValue(Map<String, Node> fields, String name, Node owner,
            Class<E> type,
            boolean required) {
        String value = text(fields, name, owner, required);
        return value == null ? null : enumOf(fields.get(name), name, value, type);
    }

    public <E extends Enum<E>> @Nullable E enumOf(Node node, String name, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        fail(node, "unknown " + name + " '" + value + "' (one of " + names(type) + ")");
        return null;
    }

    /** A list of scalars, or one scalar taken as a list of one. */
    public List<ScalarNode> scalars(Map<String, Node> fields, String name) {
        Node node = fields.get(name);
        List<ScalarNode> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        if (node instanceof ScalarNode scalar) {
            values.add(scalar);
        } else if (node instanceof SequenceNode sequence) {
            for (Node element : sequence.getValue()) {
                if (element instanceof ScalarNode scalar) {
                    values.add(scalar);
                } else {
                    fail(element, "'" + name + "' must list plain values");
                }
            }
        } else {
            fail(node, "'" + name + "' must be a list");
        }
        return values;
    }

    /** The mappings of a list field; anything else in it is reported. */
    public List<MappingNode> mappings(Map<String, Node> fields, String name, Node owner, boolean required) {
        Node node = fields.get(name);
        List<MappingNode> values = new ArrayList<>();
        if (node == null) {
            if (required) {
                fail(owner, "'" + name + "' is required");
            }
            return values;
        }
        if (!(node instanceof SequenceNode sequence)) {
            fail(node, "'" + name + "' must be a list");
            return values;
        }
        for (Node element : sequence.getValue()) {
            if (element instanceof MappingNode mapping) {
                values.add(mapping);
            } else {
                fail(element, "each entry of '" + name + "' must be a mapping");
            }
        }
        return values;
    }

    public @Nullable MappingNode mapping(Map<String, Node> fields, String name, Node owner) {
        Node node = fields.get(name);
        if (node == null) {
            fail(owner, "'" + name + "' is required");
            return null;
        }
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        fail(node, "'" + name + "' must be a mapping");
        return null;
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        return String.join(", ", names);
    }
}
