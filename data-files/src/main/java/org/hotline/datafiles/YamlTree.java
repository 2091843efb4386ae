package org.hotline.datafiles;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A YAML document as a JSON tree for the schema, with the line of every node by its JSON Pointer.
 *
 * <p>SnakeYAML composes nodes, which keep their lines and their text as written; this file decides their JSON
 * types itself rather than letting YAML 1.1 resolve them, so that {@code no}, {@code on} or {@code 2026-05-01}
 * stay text, as they always were for these files. An unquoted {@code true} or {@code false} is a boolean, an
 * unquoted whole number that fits an int is a number, everything else is text with its surrounding blanks
 * removed. A value left empty (or blank) in a mapping is {@code null}, which the reading ({@link Violations})
 * treats as absent where the schema allows a single value; in a list it is the empty text. Where the schema wants
 * another type than this guess, {@link DataFileSchema} converts the value as written (a number where text is wanted, a
 * quoted {@code "15"} where a number is), as the hand-written readers it replaces did.
 */
final class YamlTree {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,9})");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Lines lines;
    private final List<Problem> problems;
    private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

    private YamlTree(Lines lines, List<Problem> problems) {
        this.lines = lines;
        this.problems = problems;
    }

    /**
     * The document's root as JSON, or null when it is not YAML (with a problem added to {@code problems}); the
     * line of each node goes to {@code lines}.
     */
    static @Nullable JsonNode read(String file, byte[] content, Lines lines, List<Problem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        // SnakeYAML's default 3 MiB limit is below a routing directory of some ten thousand authorities.
        options.setCodePointLimit(64 * 1024 * 1024);
        Node root;
        try {
            DumperOptions unused = new DumperOptions();
            Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(unused), unused, options,
                    new TextOnlyResolver());
            root = yaml.compose(new StringReader(new String(content, StandardCharsets.UTF_8)));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            problems.add(new Problem(file, line, "not valid YAML: " + e.getProblem()));
            return null;
        } catch (RuntimeException e) {
            problems.add(new Problem(file, 1, "not valid YAML: " + e.getMessage()));
            return null;
        }
        if (root == null) {
            lines.node("", 1);
            return NODES.nullNode();
        }
        return new YamlTree(lines, problems).node(file, root, "", true);
    }

    private JsonNode node(String file, Node node, String pointer, boolean inMapping) {
        lines.node(pointer, line(node));
        if (!open.add(node)) {
            problems.add(new Problem(file, line(node), "an alias may not refer to a value that contains it"));
            return NODES.nullNode();
        }
        try {
            if (node instanceof MappingNode mapping) {
                return mapping(file, mapping, pointer);
            }
            if (node instanceof SequenceNode sequence) {
                ArrayNode array = NODES.arrayNode();
                List<Node> elements = sequence.getValue();
                for (int i = 0; i < elements.size(); i++) {
                    array.add(node(file, elements.get(i), pointer + "/" + i, false));
                }
                return array;
            }
            return scalar((ScalarNode) node, inMapping);
        } finally {
            open.remove(node);
        }
    }

    private ObjectNode mapping(String file, MappingNode mapping, String pointer) {
        ObjectNode object = NODES.objectNode();
        Map<String, Integer> seen = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.add(new Problem(file, line(tuple.getKeyNode()), "keys must be plain names"));
                continue;
            }
            // SnakeYAML refuses a repeated key only when it constructs objects, never when it composes nodes as
            // here: without this, a second 'authorities:' would silently replace the first list.
            Integer first = seen.putIfAbsent(key.getValue(), line(key));
            if (first != null) {
                problems.add(new Problem(file, line(key), "'" + key.getValue() + "' is given twice (first on line "
                        + first + ")"));
                continue;
            }
            String child = pointer + "/" + Lines.escape(key.getValue());
            lines.key(child, line(key));
            object.set(key.getValue(), node(file, tuple.getValueNode(), child, true));
        }
        return object;
    }

    private static JsonNode scalar(ScalarNode scalar, boolean inMapping) {
        String text = scalar.getValue().strip();
        if (scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
            if (text.equals("true") || text.equals("false")) {
                return NODES.booleanNode(text.equals("true"));
            }
            if (WHOLE_NUMBER.matcher(text).matches()) {
                long number = Long.parseLong(text);
                if (number == (int) number) {
                    return NODES.numberNode((int) number);
                }
            }
        }
        if (text.isEmpty() && inMapping) {
            return NODES.nullNode();
        }
        return NODES.stringNode(text);
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /**
     * Leaves every scalar's tag unresolved: {@link #scalar} decides its type. Resolving YAML 1.1's implicit types
     * (a dozen regular expressions tried on every value) took a tenth of the reading of a large directory, for
     * nothing.
     */
    private static final class TextOnlyResolver extends Resolver {

        @Override
        protected void addImplicitResolvers() {
            // none: see the class comment
        }
    }

    /** The line of each node, and of each mapping key, by JSON Pointer ({@code ""} for the root). */
    static final class Lines {

        private final Map<String, Integer> nodes = new HashMap<>();
        private final Map<String, Integer> keys = new HashMap<>();

        void node(String pointer, int line) {
            nodes.put(pointer, line);
        }

        void key(String pointer, int line) {
            keys.put(pointer, line);
        }

        /** The line of the node at {@code pointer}, or of its nearest ancestor that has one. */
        int of(String pointer) {
            String at = pointer;
            while (true) {
                Integer line = nodes.get(at);
                if (line != null) {
                    return line;
                }
                if (at.isEmpty()) {
                    return 1;
                }
                at = at.substring(0, at.lastIndexOf('/'));
            }
        }

        /** The line of the key of the mapping entry at {@code pointer}; its value's line for a list element. */
        int ofKey(String pointer) {
            Integer line = keys.get(pointer);
            return line != null ? line : of(pointer);
        }

        static String escape(String name) {
            return name.replace("~", "~0").replace("/", "~1");
        }
    }
}
