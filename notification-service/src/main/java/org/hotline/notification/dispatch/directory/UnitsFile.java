package org.hotline.notification.dispatch.directory;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.datafiles.InvalidDataFileException;
import org.hotline.datafiles.UnitNames;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.Places;

/**
 * Reads the routing directory's {@code units.yml} (docs/routing.md) for what emails need: each unit's code and
 * names, so that a region is named ({@code Костанайская область}) rather than shown by its code ({@code KZ-39}).
 * The shared reader ({@link UnitNames}, which the case service's console uses too) checks the file against routing's
 * published schema; any problem fails the load, each reported with its line.
 */
public final class UnitsFile {

    /** @throws AuthoritiesFile.InvalidDirectoryException listing every problem found, each with its line */
    public Places load(String fileName, byte[] content) {
        UnitNames units;
        try {
            units = UnitNames.read(fileName, content);
        } catch (InvalidDataFileException e) {
            throw new AuthoritiesFile.InvalidDirectoryException(e.problems());
        }
        Map<String, Map<Language, String>> names = new LinkedHashMap<>();
        units.all().forEach((code, byCode) -> {
            Map<Language, String> byLanguage = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                String name = byCode.get(language.code());
                if (name != null) {
                    byLanguage.put(language, name);
                }
            }
            names.put(code, byLanguage);
        });
        return new Places(names);
    }
}
