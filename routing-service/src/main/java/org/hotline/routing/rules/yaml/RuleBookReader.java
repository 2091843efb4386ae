package org.hotline.routing.rules.yaml;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.datafiles.YamlNodes;
import org.hotline.routing.directory.application.DirectoryFile;
import org.hotline.routing.directory.domain.AuthorityType;
import org.hotline.routing.directory.domain.Directory;
import org.hotline.routing.directory.domain.DirectoryProblem;
import org.hotline.routing.rules.domain.AccusedRole;
import org.hotline.routing.rules.domain.Assign;
import org.hotline.routing.rules.domain.Category;
import org.hotline.routing.rules.domain.ComplainantMode;
import org.hotline.routing.rules.domain.Condition;
import org.hotline.routing.rules.domain.LevelPolicy;
import org.hotline.routing.rules.domain.Reason;
import org.hotline.routing.rules.domain.Role;
import org.hotline.routing.rules.domain.Rule;
import org.hotline.routing.rules.domain.RuleBook;
import org.hotline.routing.rules.domain.Sector;
import org.hotline.routing.rules.domain.WorkplaceType;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the rule book ({@code rules.yml}) against a directory already read, reporting each problem with its file and
 * line: unknown fields or values, duplicate rule ids, a triage authority that is not one, a rule naming a type no
 * authority has or a leading type missing from {@code primaryPriority}, a reason missing.
 */
final class RuleBookReader {

    private static final List<String> REASON_FIELDS = List.of("kk", "ru", "en");

    /** The rule book, or null when the file is too broken to give one; its problems are added to {@code problems}. */
    @Nullable RuleBook read(DirectoryFile file, Directory directory, List<DirectoryProblem> problems) {
        return rules(file, directory, problems);
    }

    private @Nullable RuleBook rules(DirectoryFile file, Directory directory, List<DirectoryProblem> problems) {
        YamlNodes yaml = yaml(file.name(), problems);
        MappingNode root = yaml.root(file.content());
        if (root == null) {
            return null;
        }
        Map<String, Node> top = yaml.fields(root, "rules file",
                List.of("version", "triageAuthority", "primaryPriority", "anonymity", "fallback", "rules"));
        String version = yaml.text(top, "version", root, true);
        String triage = yaml.text(top, "triageAuthority", root, true);
        if (triage != null && directory.authority(triage).filter(a -> a.type() == AuthorityType.TRIAGE).isEmpty()) {
            yaml.fail(top.get("triageAuthority"), "triageAuthority " + triage + " is not a TRIAGE authority");
        }
        List<AuthorityType> priority = new ArrayList<>();
        for (ScalarNode node : yaml.scalars(top, "primaryPriority")) {
            AuthorityType type = yaml.enumOf(node, "authority type", node.getValue(), AuthorityType.class);
            if (type != null && priority.contains(type)) {
                yaml.fail(node, "primaryPriority lists " + type + " twice");
            } else if (type != null) {
                priority.add(type);
            }
        }
        RuleBook.Policy anonymity = policy(yaml, top, "anonymity", root);
        RuleBook.Policy fallback = policy(yaml, top, "fallback", root);
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (MappingNode entry : yaml.mappings(top, "rules", root, true)) {
            Rule rule = rule(yaml, entry, directory, priority);
            if (rule != null && !ids.add(rule.id())) {
                yaml.fail(entry, "duplicate rule id " + rule.id());
            } else if (rule != null) {
                rules.add(rule);
            }
        }
        if (version == null || triage == null || anonymity == null || fallback == null) {
            return null;
        }
        return new RuleBook(version, rules, priority, triage, anonymity, fallback);
    }

    private @Nullable Rule rule(YamlNodes yaml, MappingNode entry, Directory directory, List<AuthorityType> priority) {
        Map<String, Node> fields = yaml.fields(entry, "rule", List.of("id", "description", "when", "unless",
                "assign", "reason"));
        String id = yaml.text(fields, "id", entry, true);
        Reason ruleReason = reason(yaml, fields, entry, false);
        List<Condition> when = conditions(yaml, yaml.mappings(fields, "when", entry, true));
        if (fields.containsKey("when") && when.isEmpty()) {
            yaml.fail(fields.get("when"), "'when' needs at least one condition; use '- {}' to match every complaint");
        }
        List<Condition> unless = conditions(yaml, yaml.mappings(fields, "unless", entry, false));
        List<Assign> assign = new ArrayList<>();
        for (MappingNode node : yaml.mappings(fields, "assign", entry, true)) {
            Map<String, Node> assignFields = yaml.fields(node, "assignment", List.of("type", "role", "level", "reason"));
            AuthorityType type = yaml.enumValue(assignFields, "type", node, AuthorityType.class, true);
            Role role = yaml.enumValue(assignFields, "role", node, Role.class, true);
            LevelPolicy level = assignFields.containsKey("level")
                    ? yaml.enumValue(assignFields, "level", node, LevelPolicy.class, true) : LevelPolicy.MOST_SPECIFIC;
            Reason reason = reason(yaml, assignFields, node, false);
            if (reason == null) {
                reason = ruleReason;
            }
            if (reason == null) {
                yaml.fail(node, "a reason is required, on the assignment or on the rule");
            }
            if (type != null && !directory.hasType(type)) {
                yaml.fail(assignFields.get("type"), "rule " + id + " assigns " + type
                        + ", but no authority of that type is in the directory");
            }
            if (type != null && role == Role.PRIMARY && !priority.contains(type)) {
                yaml.fail(assignFields.get("type"), type + " may lead a decision but is not in primaryPriority");
            }
            if (type != null && role != null && level != null && reason != null) {
                assign.add(new Assign(type, role, level, reason));
            }
        }
        if (fields.containsKey("assign") && assign.isEmpty()) {
            yaml.fail(fields.get("assign"), "'assign' needs at least one assignment");
        }
        return id == null || when.isEmpty() || assign.isEmpty() ? null : new Rule(id, when, unless, assign);
    }

    private List<Condition> conditions(YamlNodes yaml, List<MappingNode> nodes) {
        List<Condition> conditions = new ArrayList<>();
        for (MappingNode node : nodes) {
            Map<String, Node> fields = yaml.fields(node, "condition", List.of("categories", "sectors",
                    "workplaceTypes", "accusedRoles", "publicOfficial", "minor", "immediateDanger", "complainantModes"));
            conditions.add(new Condition(
                    enums(yaml, fields, "categories", Category.class),
                    enums(yaml, fields, "sectors", Sector.class),
                    enums(yaml, fields, "workplaceTypes", WorkplaceType.class),
                    enums(yaml, fields, "accusedRoles", AccusedRole.class),
                    yaml.bool(fields, "publicOfficial", node, false),
                    yaml.bool(fields, "minor", node, false),
                    yaml.bool(fields, "immediateDanger", node, false),
                    enums(yaml, fields, "complainantModes", ComplainantMode.class)));
        }
        return conditions;
    }

    private <E extends Enum<E>> Set<E> enums(YamlNodes yaml, Map<String, Node> fields, String name, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        for (ScalarNode node : yaml.scalars(fields, name)) {
            E value = yaml.enumOf(node, name, node.getValue(), type);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private RuleBook.@Nullable Policy policy(YamlNodes yaml, Map<String, Node> top, String name, Node root) {
        MappingNode node = yaml.mapping(top, name, root);
        if (node == null) {
            return null;
        }
        Map<String, Node> fields = yaml.fields(node, name, List.of("id", "reason"));
        String id = yaml.text(fields, "id", node, true);
        Reason reason = reason(yaml, fields, node, true);
        return id == null || reason == null ? null : new RuleBook.Policy(id, reason);
    }

    /**
     * A reason is either plain text, taken as English (every rules file written before translations), or a
     * mapping of kk, ru and en in which en is required: English is what every message falls back to.
     */
    private @Nullable Reason reason(YamlNodes yaml, Map<String, Node> fields, Node owner, boolean required) {
        Node node = fields.get("reason");
        if (!(node instanceof MappingNode mapping)) {
            String en = yaml.text(fields, "reason", owner, required);
            return en == null ? null : Reason.english(en);
        }
        Map<String, Node> texts = yaml.fields(mapping, "reason", REASON_FIELDS);
        String en = yaml.text(texts, "en", mapping, true);
        String ru = yaml.text(texts, "ru", mapping, false);
        String kk = yaml.text(texts, "kk", mapping, false);
        return en == null ? null : new Reason(en, ru, kk);
    }

    /** The file's YAML nodes, its problems reported into {@code problems}. */
    private static YamlNodes yaml(String file, List<DirectoryProblem> problems) {
        return new YamlNodes(file, (name, line, problem) -> problems.add(new DirectoryProblem(name, line, problem)));
    }
}
