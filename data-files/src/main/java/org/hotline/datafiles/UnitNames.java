package org.hotline.datafiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The names of the routing directory's administrative units (the country, its regions, their districts) by code,
 * each in Kazakh, Russian and English, as its {@code units.yml} gives them (docs/routing.md): for the services that
 * name a place instead of showing its code ({@code KZ-39}), notification's emails and the case service's console.
 * The file is routing's, read against its published schema (docs/schemas/data/units.schema.json); the fields that
 * naming does not need (kind, parent, validity) are not checked again, as routing refuses a file they make invalid.
 */
public final class UnitNames {

    /** The languages a unit is named in, each required by the schema. */
    public static final List<String> LANGUAGES = List.of("kk", "ru", "en");

    private static final DataFileSchema SCHEMA = DataFileSchema.load("units.schema.json");
    /** The fields of a unit that naming does not need: routing checks them. */
    private static final Pattern NOT_READ = Pattern.compile("/units/\\d+/(kind|parent|validFrom|validTo)");

    private final Map<String, Map<String, String>> byCode;

    private UnitNames(Map<String, Map<String, String>> byCode) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        byCode.forEach((code, names) -> copy.put(code, Map.copyOf(names)));
        this.byCode = Map.copyOf(copy);
    }

    /**
     * Reads a units file.
     *
     * @throws InvalidDataFileException listing every problem found, each with its line: a unit without a code or
     *     without a name in each language, a code used twice, a field the schema does not know
     */
    public static UnitNames read(String fileName, byte[] content) {
        DataFile data = SCHEMA.read(fileName, content, UnitNames::reported);
        UnitsYaml read = data.bind(UnitsYaml.class);
        List<@Nullable UnitYaml> entries = read == null || read.units() == null ? List.of() : read.units();
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            UnitYaml entry = entries.get(i);
            if (entry == null || entry.code() == null || entry.name() == null) {
                continue;
            }
            Map<String, String> byLanguage = new LinkedHashMap<>();
            for (String language : LANGUAGES) {
                String name = entry.name().get(language);
                if (name != null) {
                    byLanguage.put(language, name);
                }
            }
            if (names.putIfAbsent(entry.code(), byLanguage) != null) {
                data.problem("/units/" + i, "duplicate unit code " + entry.code());
            }
        }
        if (data.hasProblems()) {
            throw new InvalidDataFileException(data.problems());
        }
        return new UnitNames(names);
    }

    /** Each unit's names by language code ({@code kk}, {@code ru}, {@code en}), by unit code. */
    public Map<String, Map<String, String>> all() {
        return byCode;
    }

    /**
     * The unit's name in the language ({@code kk}, {@code ru} or {@code en}); its code when the file does not list
     * it (a unit newer than the file the service was given) or the language is not one of those.
     */
    public String name(String code, String language) {
        String name = byCode.getOrDefault(code, Map.of()).get(language);
        return name == null ? code : name;
    }

    public int size() {
        return byCode.size();
    }

    private static boolean reported(Violation violation) {
        return !NOT_READ.matcher(violation.pointer()).matches() || violation.keyword().equals("additionalProperties");
    }

    /** The fields of units.yml naming needs, as its schema gives them; a value the schema refused is null. */
    record UnitsYaml(@Nullable List<@Nullable UnitYaml> units) {
    }

    record UnitYaml(@Nullable String code, @Nullable Map<String, String> name) {
    }
}
