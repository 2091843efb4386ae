package org.hotline.notification.dispatch.directory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.datafiles.YamlNodes;
import org.hotline.notification.dispatch.domain.Authority;
import org.hotline.notification.dispatch.domain.Directory;
import org.hotline.notification.dispatch.domain.Language;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the routing directory's {@code authorities.yml} (docs/routing.md) for what letters need: each body's id,
 * type, names, address and language. The file is routing's: every field routing accepts is accepted here, and the
 * ones letters do not need are not checked again (routing refuses a file they make invalid). Every problem is
 * reported with its line, and any problem fails the load: a reminder must never go to a half-read directory.
 */
public final class AuthoritiesFile {

    /** The fields of an authority in routing's directory. */
    private static final List<String> FIELDS = List.of("id", "type", "level", "unit", "name", "contactEmail",
            "correspondenceLanguage", "acceptsAnonymous", "answerDeadlineWorkingDays", "superior");

    /** @throws InvalidDirectoryException listing every problem found, each with its line */
    public Directory load(String fileName, byte[] content) {
        List<String> problems = new ArrayList<>();
        YamlNodes yaml = new YamlNodes(fileName, (name, line, problem) -> problems.add(name + ":" + line + ": "
                + problem));
        MappingNode root = yaml.root(content);
        List<Authority> authorities = new ArrayList<>();
        if (root != null) {
            Map<String, Node> top = yaml.fields(root, "authorities file", List.of("authorities"));
            Set<String> ids = new HashSet<>();
            for (MappingNode entry : yaml.mappings(top, "authorities", root, true)) {
                Authority authority = authority(yaml, entry);
                if (authority != null && !ids.add(authority.id())) {
                    yaml.fail(entry, "duplicate authority id " + authority.id());
                } else if (authority != null) {
                    authorities.add(authority);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryException(problems);
        }
        return new Directory(authorities);
    }

    private static @Nullable Authority authority(YamlNodes yaml, MappingNode entry) {
        Map<String, Node> fields = yaml.fields(entry, "authority", FIELDS);
        String id = yaml.text(fields, "id", entry, true);
        String type = yaml.text(fields, "type", entry, true);
        String email = yaml.text(fields, "contactEmail", entry, true);
        String code = yaml.text(fields, "correspondenceLanguage", entry, true);
        Language language = code == null ? null : Language.fromCode(code).orElse(null);
        if (code != null && language == null) {
            yaml.fail(fields.get("correspondenceLanguage"), "correspondenceLanguage must be kk, ru or en");
        }
        Map<Language, String> names = names(yaml, fields, entry);
        if (id == null || type == null || email == null || language == null || names == null) {
            return null;
        }
        return new Authority(id, type, names, email, language);
    }

    private static @Nullable Map<Language, String> names(YamlNodes yaml, Map<String, Node> fields, Node owner) {
        Node node = fields.get("name");
        if (!(node instanceof MappingNode mapping)) {
            yaml.fail(node == null ? owner : node, "'name' must be a mapping of kk, ru and en");
            return null;
        }
        Map<String, Node> byCode = yaml.fields(mapping, "name", List.of("kk", "ru", "en"));
        Map<Language, String> names = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String name = yaml.text(byCode, language.code(), mapping, true);
            if (name != null) {
                names.put(language, name);
            }
        }
        return names.size() == Language.values().length ? names : null;
    }

    /** The directory file has problems; the service does not start, or a reload keeps the previous directory. */
    public static final class InvalidDirectoryException extends RuntimeException {

        private final List<String> problems;

        InvalidDirectoryException(List<String> problems) {
            super("the directory has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
