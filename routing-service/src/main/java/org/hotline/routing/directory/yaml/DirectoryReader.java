package org.hotline.routing.directory.yaml;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hotline.datafiles.YamlNodes;
import org.hotline.routing.directory.application.DirectoryFile;
import org.hotline.routing.directory.domain.AdministrativeUnit;
import org.hotline.routing.directory.domain.Authority;
import org.hotline.routing.directory.domain.AuthorityType;
import org.hotline.routing.directory.domain.Directory;
import org.hotline.routing.directory.domain.DirectoryProblem;
import org.hotline.routing.directory.domain.Level;
import org.hotline.routing.directory.domain.LocalizedName;
import org.hotline.routing.directory.domain.UnitKind;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the directory's two files ({@code units.yml}, {@code authorities.yml}) into a {@link Directory}, checking
 * everything that would make routing wrong and reporting each problem with its file and line: unknown fields,
 * types, levels, units or languages; duplicate ids or codes; a parent or superior that does not exist; an
 * escalation cycle. The rule book is read by the rules feature, against the directory read here.
 */
public final class DirectoryReader {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");
    private static final List<String> NAME_FIELDS = List.of("kk", "ru", "en");

    /** The directory of the two files; its problems are added to {@code problems}, and any makes it unusable. */
    public Directory read(DirectoryFile unitsFile, DirectoryFile authoritiesFile, List<DirectoryProblem> problems) {
        Map<String, AdministrativeUnit> units = units(unitsFile, problems);
        Map<String, Authority> authorities = authorities(authoritiesFile, units, problems);
        return new Directory(units.values(), authorities.values());
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

    /** The file's YAML nodes, its problems reported into {@code problems}. */
    private static YamlNodes yaml(String file, List<DirectoryProblem> problems) {
        return new YamlNodes(file, (name, line, problem) -> problems.add(new DirectoryProblem(name, line, problem)));
    }
}
