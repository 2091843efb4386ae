package org.hotline.cases.directory.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.cases.directory.application.InvalidDirectoryException;
import org.hotline.cases.directory.domain.AuthorityNames;
import org.hotline.datafiles.YamlNodes;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the bodies' names and correspondence languages from the routing directory's {@code authorities.yml}
 * ({@code authorities:} a list of {@code id}, {@code name: {kk, ru, en}}, {@code correspondenceLanguage} and fields
 * the case service does not use). Routing owns the file and checks all of it; this reads only the fields it needs
 * and ignores the others, so that a field routing adds does not stop the case service. Every problem is reported
 * with its line, and any problem fails the load.
 */
public final class AuthoritiesLoader {

    private static final List<String> LANGUAGES = List.of("kk", "ru", "en");

    /** @throws InvalidDirectoryException listing every problem found, each with its line */
    public AuthorityNames load(String fileName, byte[] content) {
        List<String> problems = new ArrayList<>();
        YamlNodes yaml = new YamlNodes(fileName, (name, line, problem) -> problems.add(name + ":" + line + ": "
                + problem));
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        Map<String, String> languages = new LinkedHashMap<>();
        MappingNode root = yaml.root(content);
        if (root != null) {
            for (MappingNode authority : yaml.mappings(read(root), "authorities", root, true)) {
                Map<String, Node> fields = read(authority);
                String id = yaml.text(fields, "id", authority, true);
                MappingNode name = yaml.mapping(fields, "name", authority);
                if (id == null || name == null) {
                    continue;
                }
                Map<String, Node> byLanguage = read(name);
                Map<String, String> texts = new LinkedHashMap<>();
                for (String language : LANGUAGES) {
                    String text = yaml.text(byLanguage, language, name, true);
                    if (text != null) {
                        texts.put(language, text);
                    }
                }
                if (names.putIfAbsent(id, texts) != null) {
                    yaml.fail(authority, "authority id '" + id + "' is used twice");
                }
                String language = yaml.text(fields, "correspondenceLanguage", authority, false);
                if (language != null && !LANGUAGES.contains(language)) {
                    yaml.fail(authority, "correspondenceLanguage must be one of " + String.join(", ", LANGUAGES));
                } else {
                    languages.put(id, language == null ? AuthorityNames.DEFAULT_LANGUAGE : language);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryException(problems);
        }
        return new AuthorityNames(names, languages);
    }

    /** The mapping's entries by key, all of them: routing checks which keys are allowed. */
    private static Map<String, Node> read(MappingNode mapping) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                fields.put(key.getValue(), tuple.getValueNode());
            }
        }
        return fields;
    }
}
