package org.hotline.routing.rules.yaml;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hotline.datafiles.DataFile;
import org.hotline.datafiles.DataFileSchema;
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
import tools.jackson.databind.JsonNode;

/**
 * Reads the rule book ({@code rules.yml}) against a directory already read, reporting each problem with its file and
 * line. The published schema (docs/schemas/data/rules.schema.json) checks the fields and values; this reader checks
 * what needs the directory or several entries: duplicate rule ids, a triage authority that is not one, a rule naming
 * a type no authority has or a leading type missing from {@code primaryPriority}, a type listed there twice, an
 * assignment without a reason of its own or of its rule.
 */
final class RuleBookReader {

    private static final DataFileSchema RULES = DataFileSchema.load("rules.schema.json");

    /** The rule book, or null when the file is too broken to give one; its problems are added to {@code problems}. */
    @Nullable RuleBook read(DirectoryFile file, Directory directory, List<DirectoryProblem> problems) {
        DataFile data = RULES.read(file.name(), file.content());
        RuleBook book = rules(data, data.bind(RulesFile.class), directory);
        data.problems().forEach(problem -> problems.add(new DirectoryProblem(problem.file(), problem.line(),
                problem.problem())));
        return book;
    }

    private @Nullable RuleBook rules(DataFile data, @Nullable RulesFile file, Directory directory) {
        if (file == null) {
            return null;
        }
        String triage = file.triageAuthority();
        if (triage != null && directory.authority(triage).filter(a -> a.type() == AuthorityType.TRIAGE).isEmpty()) {
            data.problem("/triageAuthority", "triageAuthority " + triage + " is not a TRIAGE authority");
        }
        List<AuthorityType> priority = new ArrayList<>();
        List<@Nullable AuthorityType> listed = orEmpty(file.primaryPriority());
        for (int i = 0; i < listed.size(); i++) {
            AuthorityType type = listed.get(i);
            if (type != null && priority.contains(type)) {
                data.problem("/primaryPriority/" + i, "primaryPriority lists " + type + " twice");
            } else if (type != null) {
                priority.add(type);
            }
        }
        RuleBook.Policy anonymity = policy(file.anonymity());
        RuleBook.Policy fallback = policy(file.fallback());
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<@Nullable RuleEntry> entries = orEmpty(file.rules());
        for (int i = 0; i < entries.size(); i++) {
            RuleEntry entry = entries.get(i);
            Rule rule = entry == null ? null : rule(data, "/rules/" + i, entry, directory, priority);
            if (rule != null && !ids.add(rule.id())) {
                data.problem("/rules/" + i, "duplicate rule id " + rule.id());
            } else if (rule != null) {
                rules.add(rule);
            }
        }
        if (file.version() == null || triage == null || anonymity == null || fallback == null) {
            return null;
        }
        return new RuleBook(file.version(), rules, priority, triage, anonymity, fallback);
    }

    private @Nullable Rule rule(DataFile data, String at, RuleEntry entry, Directory directory,
            List<AuthorityType> priority) {
        Reason ruleReason = reason(entry.reason());
        List<Condition> when = conditions(entry.when());
        List<Condition> unless = conditions(entry.unless());
        List<Assign> assign = new ArrayList<>();
        List<@Nullable AssignEntry> assignments = orEmpty(entry.assign());
        for (int i = 0; i < assignments.size(); i++) {
            AssignEntry node = assignments.get(i);
            if (node == null) {
                continue;
            }
            String here = at + "/assign/" + i;
            AuthorityType type = node.type();
            LevelPolicy level = node.level() == null ? LevelPolicy.MOST_SPECIFIC : node.level();
            Reason reason = reason(node.reason());
            if (reason == null) {
                reason = ruleReason;
            }
            if (reason == null) {
                data.problem(here, "a reason is required, on the assignment or on the rule");
            }
            if (type != null && !directory.hasType(type)) {
                data.problem(here + "/type", "rule " + entry.id() + " assigns " + type
                        + ", but no authority of that type is in the directory");
            }
            if (type != null && node.role() == Role.PRIMARY && !priority.contains(type)) {
                data.problem(here + "/type", type + " may lead a decision but is not in primaryPriority");
            }
            if (type != null && node.role() != null && reason != null) {
                assign.add(new Assign(type, node.role(), level, reason));
            }
        }
        return entry.id() == null || when.isEmpty() || assign.isEmpty() ? null
                : new Rule(entry.id(), when, unless, assign);
    }

    private static List<Condition> conditions(@Nullable List<@Nullable ConditionEntry> entries) {
        List<Condition> conditions = new ArrayList<>();
        for (ConditionEntry entry : orEmpty(entries)) {
            if (entry != null) {
                conditions.add(new Condition(
                        enums(entry.categories(), Category.class),
                        enums(entry.sectors(), Sector.class),
                        enums(entry.workplaceTypes(), WorkplaceType.class),
                        enums(entry.accusedRoles(), AccusedRole.class),
                        entry.publicOfficial(),
                        entry.minor(),
                        entry.immediateDanger(),
                        enums(entry.complainantModes(), ComplainantMode.class)));
            }
        }
        return conditions;
    }

    private static <E extends Enum<E>> Set<E> enums(@Nullable List<@Nullable E> values, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        orEmpty(values).stream().filter(Objects::nonNull).forEach(set::add);
        return set;
    }

    private static RuleBook.@Nullable Policy policy(@Nullable PolicyEntry entry) {
        Reason reason = entry == null ? null : reason(entry.reason());
        return entry == null || entry.id() == null || reason == null ? null : new RuleBook.Policy(entry.id(), reason);
    }

    /**
     * A reason is either plain text, taken as English (every rules file written before translations), or a
     * mapping of kk, ru and en in which en is required: English is what every message falls back to.
     */
    private static @Nullable Reason reason(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            return Reason.english(node.asString());
        }
        String en = text(node, "en");
        return en == null ? null : new Reason(en, text(node, "ru"), text(node, "kk"));
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    /** rules.yml as its schema gives it; a value the schema refused is null. */
    record RulesFile(@Nullable String version, @Nullable String triageAuthority,
            @Nullable List<@Nullable AuthorityType> primaryPriority, @Nullable PolicyEntry anonymity,
            @Nullable PolicyEntry fallback, @Nullable List<@Nullable RuleEntry> rules) {
    }

    /** A reason is text or a mapping of en, ru and kk: kept as the tree until read. */
    record PolicyEntry(@Nullable String id, @Nullable JsonNode reason) {
    }

    record RuleEntry(@Nullable String id, @Nullable JsonNode reason, @Nullable List<@Nullable ConditionEntry> when,
            @Nullable List<@Nullable ConditionEntry> unless, @Nullable List<@Nullable AssignEntry> assign) {
    }

    record ConditionEntry(@Nullable List<@Nullable Category> categories, @Nullable List<@Nullable Sector> sectors,
            @Nullable List<@Nullable WorkplaceType> workplaceTypes, @Nullable List<@Nullable AccusedRole> accusedRoles,
            @Nullable Boolean publicOfficial, @Nullable Boolean minor, @Nullable Boolean immediateDanger,
            @Nullable List<@Nullable ComplainantMode> complainantModes) {
    }

    record AssignEntry(@Nullable AuthorityType type, @Nullable Role role, @Nullable LevelPolicy level,
            @Nullable JsonNode reason) {
    }
}
