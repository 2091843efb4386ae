package org.hotline.notification.dispatch.directory;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hotline.datafiles.DataFile;
import org.hotline.datafiles.DataFileSchema;
import org.hotline.datafiles.Violation;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.Places;
import org.jspecify.annotations.Nullable;

/**
 * Reads the routing directory's {@code units.yml} (docs/routing.md) for what emails need: each unit's code and
 * names, so that a region is named ({@code Костанайская область}) rather than shown by its code ({@code KZ-39}).
 * The file is routing's, read against its published schema (docs/schemas/data/units.schema.json); the fields
 * emails do not need (kind, parent, validity) are not checked again: routing refuses a file they make invalid.
 * Any problem fails the load, each reported with its line.
 */
public final class UnitsFile {

    private static final DataFileSchema SCHEMA = DataFileSchema.load("units.schema.json");
    /** The fields of a unit that emails do not need: routing checks them. */
    private static final Pattern NOT_READ = Pattern.compile("/units/\\d+/(kind|parent|validFrom|validTo)");

    /** @throws AuthoritiesFile.InvalidDirectoryException listing every problem found, each with its line */
    public Places load(String fileName, byte[] content) {
        DataFile data = SCHEMA.read(fileName, content, UnitsFile::reported);
        UnitsYaml read = data.bind(UnitsYaml.class);
        List<@Nullable UnitYaml> entries = read == null || read.units() == null ? List.of() : read.units();
        Map<String, Map<Language, String>> names = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            UnitYaml entry = entries.get(i);
            if (entry == null || entry.code() == null || entry.name() == null) {
                continue;
            }
            Map<Language, String> byLanguage = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                String name = entry.name().get(language.code());
                if (name != null) {
                    byLanguage.put(language, name);
                }
            }
            if (names.putIfAbsent(entry.code(), byLanguage) != null) {
                data.problem("/units/" + i, "duplicate unit code " + entry.code());
            }
        }
        if (data.hasProblems()) {
            throw new AuthoritiesFile.InvalidDirectoryException(
                    data.problems().stream().map(Object::toString).toList());
        }
        return new Places(names);
    }

    private static boolean reported(Violation violation) {
        return !NOT_READ.matcher(violation.pointer()).matches() || violation.keyword().equals("additionalProperties");
    }

    /** The fields of units.yml emails need, as its schema gives them; a value the schema refused is null. */
    record UnitsYaml(@Nullable List<@Nullable UnitYaml> units) {
    }

    record UnitYaml(@Nullable String code, @Nullable Map<String, String> name) {
    }
}
