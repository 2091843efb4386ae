package org.hotline.cases.escalation.yaml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.cases.escalation.application.InvalidLadderException;
import org.hotline.cases.escalation.domain.Condition;
import org.hotline.cases.escalation.domain.Conflict;
import org.hotline.cases.escalation.domain.IdPattern;
import org.hotline.cases.escalation.domain.Ladder;
import org.hotline.cases.escalation.domain.LadderEntry;
import org.hotline.cases.escalation.domain.Rung;
import org.hotline.datafiles.YamlNodes;
import org.hotline.deadlines.yaml.ClocksLoader;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Builds the {@link Ladder} from {@code ladder.yml}: a {@code lastRung}, {@code ladders} (a {@code body} id shape and
 * its {@code rungs}, lowest first) and {@code conflicts} (a rung shape and the facts under which it oversees the
 * accused). Every problem is reported with its line, and any problem fails the load.
 */
public final class LadderLoader {

    /** The values of ComplaintRouted v1 (docs/schemas/complaint-routed.v1.schema.json). */
    private static final Map<String, Set<String>> FACTS = Map.of(
            "sectors", Set.of("PUBLIC", "PRIVATE", "NGO", "INFORMAL"),
            "workplaceTypes", Set.of("SCHOOL", "KINDERGARTEN", "UNIVERSITY", "HEALTHCARE", "GOVERNMENT_BODY",
                    "COMPANY", "TRANSPORT", "OTHER"),
            "accusedRoles", Set.of("HEAD_OF_ORGANIZATION", "SUPERVISOR", "COLLEAGUE", "CLIENT", "OTHER"));

    /** @throws InvalidLadderException listing every problem found, each with its line */
    public Ladder load(String fileName, byte[] content) {
        List<String> problems = new ArrayList<>();
        YamlNodes yaml = new YamlNodes(fileName, (name, line, problem) -> problems.add(name + ":" + line + ": "
                + problem));
        MappingNode root = yaml.root(content);
        Rung lastRung = null;
        List<LadderEntry> entries = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        if (root != null) {
            Map<String, Node> top = yaml.fields(root, "ladder file", List.of("lastRung", "ladders", "conflicts"));
            MappingNode last = yaml.mapping(top, "lastRung", root);
            if (last != null) {
                lastRung = rung(yaml, last, List.of());
            }
            Set<String> bodies = new HashSet<>();
            for (MappingNode node : yaml.mappings(top, "ladders", root, true)) {
                LadderEntry entry = entry(yaml, node);
                if (entry != null && !bodies.add(entry.body().toString())) {
                    yaml.fail(node, "body '" + entry.body() + "' has a ladder already; the first would always win");
                } else if (entry != null) {
                    entries.add(entry);
                }
            }
            Set<String> ids = new HashSet<>();
            for (MappingNode node : yaml.mappings(top, "conflicts", root, false)) {
                Conflict conflict = conflict(yaml, node);
                if (conflict != null && !ids.add(conflict.id())) {
                    yaml.fail(node, "conflict id '" + conflict.id() + "' is used twice");
                } else if (conflict != null) {
                    conflicts.add(conflict);
                }
            }
        }
        if (!problems.isEmpty() || lastRung == null) {
            throw new InvalidLadderException(problems);
        }
        return new Ladder(entries, lastRung, conflicts);
    }

    private static @Nullable LadderEntry entry(YamlNodes yaml, MappingNode node) {
        Map<String, Node> fields = yaml.fields(node, "ladder", List.of("body", "rungs"));
        IdPattern body = pattern(yaml, fields, "body", node);
        List<MappingNode> rungNodes = yaml.mappings(fields, "rungs", node, true);
        if (body == null) {
            return null;
        }
        List<LadderEntry.RungTemplate> rungs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (MappingNode rungNode : rungNodes) {
            Map<String, Node> rungFields = yaml.fields(rungNode, "rung", List.of("authorityId", "authorityType"));
            IdPattern id = pattern(yaml, rungFields, "authorityId", rungNode);
            String type = type(yaml, rungFields, rungNode);
            if (id == null || type == null) {
                continue;
            }
            if (!body.placeholders().containsAll(id.placeholders())) {
                yaml.fail(rungNode, "rung '" + id + "' uses a placeholder its body '" + body + "' does not give");
                continue;
            }
            if (!seen.add(id.toString()) || id.toString().equals(body.toString())) {
                yaml.fail(rungNode, "rung '" + id + "' is already on this ladder");
                continue;
            }
            rungs.add(new LadderEntry.RungTemplate(id, type));
        }
        return new LadderEntry(body, rungs);
    }

    private static @Nullable Rung rung(YamlNodes yaml, MappingNode node, List<String> placeholders) {
        Map<String, Node> fields = yaml.fields(node, "rung", List.of("authorityId", "authorityType"));
        IdPattern id = pattern(yaml, fields, "authorityId", node);
        String type = type(yaml, fields, node);
        if (id == null || type == null) {
            return null;
        }
        if (!placeholders.containsAll(id.placeholders())) {
            yaml.fail(node, "the last rung names one body: no placeholders");
            return null;
        }
        return new Rung(id.toString(), type);
    }

    private static @Nullable Conflict conflict(YamlNodes yaml, MappingNode node) {
        Map<String, Node> fields = yaml.fields(node, "conflict", List.of("id", "rung", "when", "reason"));
        String id = yaml.text(fields, "id", node, true);
        yaml.text(fields, "reason", node, true);
        IdPattern rung = pattern(yaml, fields, "rung", node);
        List<Condition> conditions = new ArrayList<>();
        for (MappingNode condition : yaml.mappings(fields, "when", node, true)) {
            Condition read = condition(yaml, condition);
            if (read != null) {
                conditions.add(read);
            }
        }
        if (conditions.isEmpty() && fields.containsKey("when")) {
            yaml.fail(node, "'when' lists at least one condition");
        }
        return id == null || rung == null || conditions.isEmpty() ? null : new Conflict(id, rung, conditions);
    }

    private static @Nullable Condition condition(YamlNodes yaml, MappingNode node) {
        Map<String, Node> fields = yaml.fields(node, "condition", List.of("sectors", "workplaceTypes",
                "accusedRoles", "publicOfficial"));
        if (fields.isEmpty()) {
            yaml.fail(node, "a condition states at least one fact");
            return null;
        }
        List<Set<String>> values = new ArrayList<>();
        for (String fact : List.of("sectors", "workplaceTypes", "accusedRoles")) {
            Set<String> stated = new HashSet<>();
            for (ScalarNode value : yaml.scalars(fields, fact)) {
                String text = value.getValue().strip();
                if (FACTS.get(fact).contains(text)) {
                    stated.add(text);
                } else {
                    yaml.fail(value, "unknown " + fact + " value '" + text + "' (one of "
                            + String.join(", ", FACTS.get(fact).stream().sorted().toList()) + ")");
                }
            }
            values.add(stated);
        }
        return new Condition(values.get(0), values.get(1), values.get(2), yaml.bool(fields, "publicOfficial", node,
                false));
    }

    private static @Nullable IdPattern pattern(YamlNodes yaml, Map<String, Node> fields, String name, Node owner) {
        String text = yaml.text(fields, name, owner, true);
        if (text == null) {
            return null;
        }
        try {
            return IdPattern.of(text);
        } catch (IllegalArgumentException e) {
            yaml.fail(fields.get(name), "'" + name + "' " + text + ": " + e.getMessage());
            return null;
        }
    }

    private static @Nullable String type(YamlNodes yaml, Map<String, Node> fields, Node owner) {
        String type = yaml.text(fields, "authorityType", owner, true);
        if (type != null && !ClocksLoader.AUTHORITY_TYPES.contains(type)) {
            yaml.fail(fields.get("authorityType"), "unknown authority type '" + type + "' (one of "
                    + String.join(", ", ClocksLoader.AUTHORITY_TYPES.stream().sorted().toList()) + ")");
            return null;
        }
        return type;
    }
}
