package org.hotline.routing.directory.application;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hotline.datafiles.YamlNodes;
import org.hotline.routing.directory.domain.AdministrativeUnit;
import org.hotline.routing.directory.domain.Authority;
import org.hotline.routing.directory.domain.AuthorityType;
import org.hotline.routing.directory.domain.Directory;
import org.hotline.routing.directory.domain.DirectoryProblem;
import org.hotline.routing.directory.domain.InvalidDirectoryException;
import org.hotline.routing.directory.domain.Level;
import org.hotline.routing.directory.domain.LocalizedName;
import org.hotline.routing.directory.domain.UnitKind;
import org.hotline.routing.rules.domain.AccusedRole;
import org.hotline.routing.rules.domain.Assign;
import org.hotline.routing.rules.domain.Category;
import org.hotline.routing.rules.domain.ComplainantMode;
import org.hotline.routing.rules.domain.Condition;
import org.hotline.routing.rules.domain.LevelPolicy;
import org.hotline.routing.rules.domain.Reason;
import org.hotline.routing.rules.domain.Role;
import org.hotline.routing.rules.domain.RoutingEngine;
import org.hotline.routing.rules.domain.Rule;
import org.hotline.routing.rules.domain.RuleBook;
import org.hotline.routing.rules.domain.Sector;
import org.hotline.routing.rules.domain.WorkplaceType;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Builds a {@link RoutingEngine} from the directory's three files ({@code units.yml}, {@code authorities.yml},
 * {@code rules.yml}), checking everything that would make routing wrong and reporting each problem with its
 * file and line: unknown fields, types, levels, units or languages; duplicate ids or codes; a superior that
 * does not exist; an escalation cycle; a rule naming a type no authority has. Nothing is half-loaded: any
 * problem fails the whole load.
 */
public final class DirectoryLoader {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");
    private static final List<String> NAME_FIELDS = List.of("kk", "ru", "en");

    public RoutingEngine load(DirectorySource source) throws IOException {
        return load(source.read(DirectorySource.UNITS), source.read(DirectorySource.AUTHORITIES),
                source.read(DirectorySource.RULES));
    }

    /** @throws InvalidDirectoryException listing every problem found, each with its file and line */
    public RoutingEngine load(DirectoryFile unitsFile, DirectoryFile authoritiesFile, DirectoryFile rulesFile) {
        List<DirectoryProblem> problems = new ArrayList<>();
        Map<String, AdministrativeUnit> units = units(unitsFile, problems);
        Map<String, Authority> authorities = authorities(authoritiesFile, units, problems);
        Directory directory = new Directory(units.values(), authorities.values());
        RuleBook book = rules(rulesFile, directory, problems);
        if (!problems.isEmpty() || book == null) {
            throw new InvalidDirectoryException(problems);
        }
        return new RoutingEngine(directory, book, book.version() + "@" + digest(unitsFile, authoritiesFile, rulesFile));
    }

    private Map<String, AdministrativeUnit> units(DirectoryFile file, List<DirectoryProblem> problems) {
        YamlNodes yaml = yaml(file.name(), problems);
        Map<String, AdministrativeUnit> units = new LinkedHashMap<>();
        MappingNode root = yaml.root(file.content());
        if (root == null) {
            return units;
        }
        Map<String, Node> top = yaml.fields(root, "units file", List.of("units"));
        List<MappingNode> entries = yaml.mappings(top, "units", root, true);
        Map<String, Node> parents = new HashMap<>();
        for (MappingNode entry : entries) {
            Map<String, Node> fields = yaml.fields(entry, "unit",
                    List.of("code", "kind", "parent", "name", "validFrom", "validTo"));
            String code = yaml.text(fields, "code", entry, true);
            UnitKind kind = yaml.enumValue(fields, "kind", entry, UnitKind.class, true);
            String parent = yaml.text(fields, "parent", entry, false);
            LocalizedName name = name(yaml, fields, entry);
            LocalDate from = date(yaml, fields, "validFrom", entry);
            LocalDate to = date(yaml, fields, "validTo", entry);
            if (code == null || kind == null || name == null) {
                continue;
            }
            if (units.containsKey(code)) {
                yaml.fail(entry, "duplicate unit code " + code);
                continue;
            }
            if (kind == UnitKind.COUNTRY && parent != null) {
                yaml.fail(fields.get("parent"), "a country has no parent unit");
            }
            if (kind != UnitKind.COUNTRY && parent == null) {
                yaml.fail(entry, "a " + kind + " needs the 'parent' unit it lies in");
            }
            if (from != null && to != null && to.isBefore(from)) {
                yaml.fail(fields.get("validTo"), "validTo is before validFrom");
            }
            units.put(code, new AdministrativeUnit(code, kind, parent, name, from, to));
            if (parent != null) {
                parents.put(code, fields.get("parent"));
            }
        }
        for (AdministrativeUnit unit : units.values()) {
            if (unit.parent() == null) {
                continue;
            }
            AdministrativeUnit parent = units.get(unit.parent());
            UnitKind expected = unit.kind() == UnitKind.DISTRICT ? UnitKind.REGION : UnitKind.COUNTRY;
            if (parent == null) {
                yaml.fail(parents.get(unit.code()), "unknown parent unit " + unit.parent());
            } else if (parent.kind() != expected) {
                yaml.fail(parents.get(unit.code()), "the parent of a " + unit.kind() + " must be a " + expected
                        + ", but " + parent.code() + " is a " + parent.kind());
            }
        }
        return units;
    }

    private Map<String, Authority> authorities(DirectoryFile file, Map<String, AdministrativeUnit> units,
            List<DirectoryProblem> problems) {
        YamlNodes yaml = yaml(file.name(), problems);
        Map<String, Authority> authorities = new LinkedHashMap<>();
        MappingNode root = yaml.root(file.content());
        if (root == null) {
            return authorities;
        }
        Map<String, Node> top = yaml.fields(root, "authorities file", List.of("authorities"));
        Map<String, Node> superiors = new HashMap<>();
        Map<String, Node> entries = new HashMap<>();
        for (MappingNode entry : yaml.mappings(top, "authorities", root, true)) {
            Map<String, Node> fields = yaml.fields(entry, "authority", List.of("id", "type", "level", "unit", "name",
                    "contactEmail", "correspondenceLanguage", "acceptsAnonymous", "answerDeadlineWorkingDays",
                    "superior"));
            String id = yaml.text(fields, "id", entry, true);
            AuthorityType type = yaml.enumValue(fields, "type", entry, AuthorityType.class, true);
            Level level = yaml.enumValue(fields, "level", entry, Level.class, true);
            String unit = yaml.text(fields, "unit", entry, true);
            LocalizedName name = name(yaml, fields, entry);
            String email = yaml.text(fields, "contactEmail", entry, true);
            String language = yaml.text(fields, "correspondenceLanguage", entry, true);
            Boolean anonymous = yaml.bool(fields, "acceptsAnonymous", entry, true);
            Integer deadline = positive(yaml, fields, "answerDeadlineWorkingDays", entry);
            String superior = yaml.text(fields, "superior", entry, false);
            if (email != null && !EMAIL.matcher(email).matches()) {
                yaml.fail(fields.get("contactEmail"), "contactEmail '" + email + "' is not an email address");
            }
            if (language != null && !LANGUAGES.contains(language)) {
                yaml.fail(fields.get("correspondenceLanguage"), "correspondenceLanguage must be kk, ru or en");
            }
            if (unit != null && level != null) {
                AdministrativeUnit covered = units.get(unit);
                if (covered == null) {
                    yaml.fail(fields.get("unit"), "unknown unit " + unit);
                } else if (covered.kind() != level.covers()) {
                    yaml.fail(fields.get("level"), "a " + level + " authority must cover a " + level.covers()
                            + ", but " + unit + " is a " + covered.kind());
                }
            }
            if (id == null || type == null || level == null || unit == null || name == null || email == null
                    || language == null || anonymous == null) {
                continue;
            }
            if (authorities.containsKey(id)) {
                yaml.fail(entry, "duplicate authority id " + id);
                continue;
            }
            authorities.put(id, new Authority(id, type, level, unit, name, email, language, anonymous, deadline,
                    superior));
            entries.put(id, entry);
            if (superior != null) {
                superiors.put(id, fields.get("superior"));
            }
        }
        Set<String> reportedCycles = new HashSet<>();
        for (Authority authority : authorities.values()) {
            if (authority.superior() == null) {
                continue;
            }
            if (!authorities.containsKey(authority.superior())) {
                yaml.fail(superiors.get(authority.id()), "superior " + authority.superior() + " does not exist");
                continue;
            }
            List<String> line = new ArrayList<>();
            String current = authority.id();
            while (current != null && authorities.containsKey(current) && !line.contains(current)) {
                line.add(current);
                current = authorities.get(current).superior();
            }
            if (current != null && line.contains(current) && current.equals(authority.id())
                    && reportedCycles.add(String.join(",", line.stream().sorted().toList()))) {
                yaml.fail(entries.get(authority.id()), "escalation cycle: " + String.join(" -> ", line) + " -> "
                        + current);
            }
        }
        return authorities;
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
        Map<String, Node> texts = yaml.fields(mapping, "reason", NAME_FIELDS);
        String en = yaml.text(texts, "en", mapping, true);
        String ru = yaml.text(texts, "ru", mapping, false);
        String kk = yaml.text(texts, "kk", mapping, false);
        return en == null ? null : new Reason(en, ru, kk);
    }

    private @Nullable LocalizedName name(YamlNodes yaml, Map<String, Node> fields, Node owner) {
        Node node = fields.get("name");
        if (node == null) {
            yaml.fail(owner, "'name' is required, in kk, ru and en");
            return null;
        }
        if (!(node instanceof MappingNode mapping)) {
            yaml.fail(node, "'name' must be a mapping of kk, ru and en");
            return null;
        }
        Map<String, Node> names = yaml.fields(mapping, "name", NAME_FIELDS);
        String kk = yaml.text(names, "kk", mapping, true);
        String ru = yaml.text(names, "ru", mapping, true);
        String en = yaml.text(names, "en", mapping, true);
        return kk == null || ru == null || en == null ? null : new LocalizedName(kk, ru, en);
    }

    private @Nullable LocalDate date(YamlNodes yaml, Map<String, Node> fields, String name, Node owner) {
        String value = yaml.text(fields, name, owner, false);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            yaml.fail(fields.get(name), "'" + name + "' must be a date written as YYYY-MM-DD");
            return null;
        }
    }

    private @Nullable Integer positive(YamlNodes yaml, Map<String, Node> fields, String name, Node owner) {
        String value = yaml.text(fields, name, owner, false);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        yaml.fail(fields.get(name), "'" + name + "' must be a positive whole number of days");
        return null;
    }

    private static String digest(DirectoryFile... files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (DirectoryFile file : files) {
                sha.update(file.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(file.content());
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** The file's YAML nodes, its problems reported into {@code problems}. */
    private static YamlNodes yaml(String file, List<DirectoryProblem> problems) {
        return new YamlNodes(file, (name, line, problem) -> problems.add(new DirectoryProblem(name, line, problem)));
    }
}
