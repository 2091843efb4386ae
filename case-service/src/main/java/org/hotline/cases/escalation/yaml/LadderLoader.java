package org.hotline.cases.escalation.yaml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hotline.cases.escalation.application.InvalidLadderException;
import org.hotline.cases.escalation.domain.Condition;
import org.hotline.cases.escalation.domain.Conflict;
import org.hotline.cases.escalation.domain.IdPattern;
import org.hotline.cases.escalation.domain.Ladder;
import org.hotline.cases.escalation.domain.LadderEntry;
import org.hotline.cases.escalation.domain.Rung;
import org.hotline.datafiles.DataFile;
import org.hotline.datafiles.DataFileSchema;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link Ladder} from {@code ladder.yml}: a {@code lastRung}, {@code ladders} (a {@code body} id shape and
 * its {@code rungs}, lowest first) and {@code conflicts} (a rung shape and the facts under which it oversees the
 * accused). The published schema (docs/schemas/data/ladder.schema.json) checks the fields, types and facts; this
 * loader checks the id patterns and what lies between entries. Every problem is reported with its line, and any
 * problem fails the load.
 */
public final class LadderLoader {

    private static final DataFileSchema SCHEMA = DataFileSchema.load("ladder.schema.json");

    /** @throws InvalidLadderException listing every problem found, each with its line */
    public Ladder load(String fileName, byte[] content) {
        DataFile data = SCHEMA.read(fileName, content);
        LadderFile read = data.bind(LadderFile.class);
        Rung lastRung = null;
        List<LadderEntry> entries = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        if (read != null) {
            if (read.lastRung() != null) {
                lastRung = lastRung(data, read.lastRung());
            }
            Set<String> bodies = new HashSet<>();
            List<@Nullable LadderYaml> ladders = orEmpty(read.ladders());
            for (int i = 0; i < ladders.size(); i++) {
                LadderEntry entry = ladders.get(i) == null ? null : entry(data, "/ladders/" + i, ladders.get(i));
                if (entry != null && !bodies.add(entry.body().toString())) {
                    data.problem("/ladders/" + i, "body '" + entry.body()
                            + "' has a ladder already; the first would always win");
                } else if (entry != null) {
                    entries.add(entry);
                }
            }
            Set<String> ids = new HashSet<>();
            List<@Nullable ConflictYaml> written = orEmpty(read.conflicts());
            for (int i = 0; i < written.size(); i++) {
                Conflict conflict = written.get(i) == null ? null : conflict(data, "/conflicts/" + i, written.get(i));
                if (conflict != null && !ids.add(conflict.id())) {
                    data.problem("/conflicts/" + i, "conflict id '" + conflict.id() + "' is used twice");
                } else if (conflict != null) {
                    conflicts.add(conflict);
                }
            }
        }
        if (data.hasProblems() || lastRung == null) {
            throw new InvalidLadderException(data.problems().stream().map(Object::toString).toList());
        }
        return new Ladder(entries, lastRung, conflicts);
    }

    private static @Nullable LadderEntry entry(DataFile data, String at, LadderYaml ladder) {
        IdPattern body = pattern(data, at + "/body", "body", ladder.body());
        if (body == null) {
            return null;
        }
        List<LadderEntry.RungTemplate> rungs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<@Nullable RungYaml> list = orEmpty(ladder.rungs());
        for (int i = 0; i < list.size(); i++) {
            RungYaml rung = list.get(i);
            String here = at + "/rungs/" + i;
            IdPattern id = rung == null ? null : pattern(data, here + "/authorityId", "authorityId",
                    rung.authorityId());
            if (rung == null || id == null || rung.authorityType() == null) {
                continue;
            }
            if (!body.placeholders().containsAll(id.placeholders())) {
                data.problem(here, "rung '" + id + "' uses a placeholder its body '" + body + "' does not give");
                continue;
            }
            if (!seen.add(id.toString()) || id.toString().equals(body.toString())) {
                data.problem(here, "rung '" + id + "' is already on this ladder");
                continue;
            }
            rungs.add(new LadderEntry.RungTemplate(id, rung.authorityType()));
        }
        return new LadderEntry(body, rungs);
    }

    private static @Nullable Rung lastRung(DataFile data, RungYaml rung) {
        IdPattern id = pattern(data, "/lastRung/authorityId", "authorityId", rung.authorityId());
        if (id == null || rung.authorityType() == null) {
            return null;
        }
        if (!id.placeholders().isEmpty()) {
            data.problem("/lastRung", "the last rung names one body: no placeholders");
            return null;
        }
        return new Rung(id.toString(), rung.authorityType());
    }

    private static @Nullable Conflict conflict(DataFile data, String at, ConflictYaml conflict) {
        IdPattern rung = pattern(data, at + "/rung", "rung", conflict.rung());
        List<Condition> conditions = new ArrayList<>();
        for (ConditionYaml condition : orEmpty(conflict.when())) {
            if (condition != null) {
                conditions.add(new Condition(facts(condition.sectors()), facts(condition.workplaceTypes()),
                        facts(condition.accusedRoles()), condition.publicOfficial()));
            }
        }
        return conflict.id() == null || rung == null || conditions.isEmpty() ? null
                : new Conflict(conflict.id(), rung, conditions);
    }

    private static Set<String> facts(@Nullable List<@Nullable String> values) {
        Set<String> facts = new HashSet<>();
        orEmpty(values).stream().filter(Objects::nonNull).forEach(facts::add);
        return facts;
    }

    private static @Nullable IdPattern pattern(DataFile data, String at, String name, @Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return IdPattern.of(text);
        } catch (IllegalArgumentException e) {
            data.problem(at, "'" + name + "' " + text + ": " + e.getMessage());
            return null;
        }
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    /** ladder.yml as its schema gives it; a value the schema refused is null. */
    record LadderFile(@Nullable RungYaml lastRung, @Nullable List<@Nullable LadderYaml> ladders,
            @Nullable List<@Nullable ConflictYaml> conflicts) {
    }

    record LadderYaml(@Nullable String body, @Nullable List<@Nullable RungYaml> rungs) {
    }

    record RungYaml(@Nullable String authorityId, @Nullable String authorityType) {
    }

    record ConflictYaml(@Nullable String id, @Nullable String rung, @Nullable List<@Nullable ConditionYaml> when) {
    }

    record ConditionYaml(@Nullable List<@Nullable String> sectors, @Nullable List<@Nullable String> workplaceTypes,
            @Nullable List<@Nullable String> accusedRoles, @Nullable Boolean publicOfficial) {
    }
}
