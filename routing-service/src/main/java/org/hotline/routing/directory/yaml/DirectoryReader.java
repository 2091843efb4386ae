package org.hotline.routing.directory.yaml;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.datafiles.DataFile;
import org.hotline.datafiles.DataFileSchema;
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

/**
 * Reads the directory's two files ({@code units.yml}, {@code authorities.yml}) into a {@link Directory}, checking
 * everything that would make routing wrong and reporting each problem with its file and line. The published schemas
 * (docs/schemas/data/units.schema.json, authorities.schema.json) check each entry's fields: unknown ones, types,
 * kinds, levels, languages, addresses. This reader checks what lies between entries and files: duplicate ids or
 * codes; a parent, unit or superior that does not exist or is of the wrong kind; an escalation cycle. The rule book
 * is read by the rules feature, against the directory read here.
 */
public final class DirectoryReader {

    private static final DataFileSchema UNITS = DataFileSchema.load("units.schema.json");
    private static final DataFileSchema AUTHORITIES = DataFileSchema.load("authorities.schema.json");

    /** The directory of the two files; its problems are added to {@code problems}, and any makes it unusable. */
    public Directory read(DirectoryFile unitsFile, DirectoryFile authoritiesFile, List<DirectoryProblem> problems) {
        Map<String, AdministrativeUnit> units = units(unitsFile, problems);
        Map<String, Authority> authorities = authorities(authoritiesFile, units, problems);
        return new Directory(units.values(), authorities.values());
    }

    private Map<String, AdministrativeUnit> units(DirectoryFile file, List<DirectoryProblem> problems) {
        DataFile data = UNITS.read(file.name(), file.content());
        UnitsFile read = data.bind(UnitsFile.class);
        Map<String, AdministrativeUnit> units = new LinkedHashMap<>();
        Map<String, String> parents = new HashMap<>();
        List<@Nullable UnitEntry> entries = read == null || read.units() == null ? List.of() : read.units();
        for (int i = 0; i < entries.size(); i++) {
            UnitEntry entry = entries.get(i);
            String at = "/units/" + i;
            LocalizedName name = entry == null ? null : entry.name() == null ? null : entry.name().localized();
            if (entry == null || entry.code() == null || entry.kind() == null || name == null) {
                continue;
            }
            String code = entry.code();
            UnitKind kind = entry.kind();
            String parent = entry.parent();
            if (units.containsKey(code)) {
                data.problem(at, "duplicate unit code " + code);
                continue;
            }
            if (kind == UnitKind.COUNTRY && parent != null) {
                data.problem(at + "/parent", "a country has no parent unit");
            }
            if (kind != UnitKind.COUNTRY && parent == null) {
                data.problem(at, "a " + kind + " needs the 'parent' unit it lies in");
            }
            LocalDate from = entry.validFrom();
            LocalDate to = entry.validTo();
            if (from != null && to != null && to.isBefore(from)) {
                data.problem(at + "/validTo", "validTo is before validFrom");
            }
            units.put(code, new AdministrativeUnit(code, kind, parent, name, from, to));
            if (parent != null) {
                parents.put(code, at + "/parent");
            }
        }
        for (AdministrativeUnit unit : units.values()) {
            if (unit.parent() == null) {
                continue;
            }
            AdministrativeUnit parent = units.get(unit.parent());
            UnitKind expected = unit.kind() == UnitKind.DISTRICT ? UnitKind.REGION : UnitKind.COUNTRY;
            if (parent == null) {
                data.problem(parents.get(unit.code()), "unknown parent unit " + unit.parent());
            } else if (parent.kind() != expected) {
                data.problem(parents.get(unit.code()), "the parent of a " + unit.kind() + " must be a " + expected
                        + ", but " + parent.code() + " is a " + parent.kind());
            }
        }
        report(data, problems);
        return units;
    }

    private Map<String, Authority> authorities(DirectoryFile file, Map<String, AdministrativeUnit> units,
            List<DirectoryProblem> problems) {
        DataFile data = AUTHORITIES.read(file.name(), file.content());
        AuthoritiesFile read = data.bind(AuthoritiesFile.class);
        Map<String, Authority> authorities = new LinkedHashMap<>();
        Map<String, String> entries = new HashMap<>();
        List<@Nullable AuthorityEntry> list = read == null || read.authorities() == null ? List.of()
                : read.authorities();
        for (int i = 0; i < list.size(); i++) {
            AuthorityEntry entry = list.get(i);
            String at = "/authorities/" + i;
            if (entry == null) {
                continue;
            }
            if (entry.unit() != null && entry.level() != null) {
                AdministrativeUnit covered = units.get(entry.unit());
                if (covered == null) {
                    data.problem(at + "/unit", "unknown unit " + entry.unit());
                } else if (covered.kind() != entry.level().covers()) {
                    data.problem(at + "/level", "a " + entry.level() + " authority must cover a "
                            + entry.level().covers() + ", but " + entry.unit() + " is a " + covered.kind());
                }
            }
            LocalizedName name = entry.name() == null ? null : entry.name().localized();
            if (entry.id() == null || entry.type() == null || entry.level() == null || entry.unit() == null
                    || name == null || entry.contactEmail() == null || entry.correspondenceLanguage() == null
                    || entry.acceptsAnonymous() == null) {
                continue;
            }
            if (authorities.containsKey(entry.id())) {
                data.problem(at, "duplicate authority id " + entry.id());
                continue;
            }
            authorities.put(entry.id(), new Authority(entry.id(), entry.type(), entry.level(), entry.unit(), name,
                    entry.contactEmail(), entry.correspondenceLanguage(), entry.acceptsAnonymous(),
                    entry.answerDeadlineWorkingDays(), entry.superior()));
            entries.put(entry.id(), at);
        }
        Set<String> reportedCycles = new HashSet<>();
        for (Authority authority : authorities.values()) {
            if (authority.superior() == null) {
                continue;
            }
            if (!authorities.containsKey(authority.superior())) {
                data.problem(entries.get(authority.id()) + "/superior", "superior " + authority.superior()
                        + " does not exist");
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
                data.problem(entries.get(authority.id()), "escalation cycle: " + String.join(" -> ", line) + " -> "
                        + current);
            }
        }
        report(data, problems);
        return authorities;
    }

    private static void report(DataFile data, List<DirectoryProblem> problems) {
        data.problems().forEach(problem -> problems.add(new DirectoryProblem(problem.file(), problem.line(),
                problem.problem())));
    }

    /** units.yml as its schema gives it; a value the schema refused is null. */
    record UnitsFile(@Nullable List<@Nullable UnitEntry> units) {
    }

    record UnitEntry(@Nullable String code, @Nullable UnitKind kind, @Nullable String parent, @Nullable Names name,
            @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {
    }

    /** authorities.yml as its schema gives it; a value the schema refused is null. */
    record AuthoritiesFile(@Nullable List<@Nullable AuthorityEntry> authorities) {
    }

    record AuthorityEntry(@Nullable String id, @Nullable AuthorityType type, @Nullable Level level,
            @Nullable String unit, @Nullable Names name, @Nullable String contactEmail,
            @Nullable String correspondenceLanguage, @Nullable Boolean acceptsAnonymous,
            @Nullable Integer answerDeadlineWorkingDays, @Nullable String superior) {
    }

    /** A name in kk, ru and en; the schema requires all three, so one is missing only where it reported so. */
    record Names(@Nullable String kk, @Nullable String ru, @Nullable String en) {

        @Nullable LocalizedName localized() {
            return kk == null || ru == null || en == null ? null : new LocalizedName(kk, ru, en);
        }
    }
}
