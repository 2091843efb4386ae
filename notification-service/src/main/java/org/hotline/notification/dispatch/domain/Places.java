package org.hotline.notification.dispatch.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names of the routing directory's administrative units (the country, its regions, their districts) by code,
 * as its {@code units.yml} gives them: emails name a place instead of showing its code ({@code KZ-39}).
 */
public final class Places {

    /** No names known: every place is shown by its code. */
    public static final Places NONE = new Places(Map.of());

    private final Map<String, Map<Language, String>> names;

    /** @param names each unit's names by language, by code */
    public Places(Map<String, Map<Language, String>> names) {
        Map<String, Map<Language, String>> copy = new LinkedHashMap<>();
        names.forEach((code, byLanguage) -> copy.put(code, Map.copyOf(byLanguage)));
        this.names = Map.copyOf(copy);
    }

    /**
     * The unit's name in the language, Russian or English standing in; its code when the directory does not list
     * it (a unit newer than the file the service was given).
     */
    public String name(String code, Language language) {
        Map<Language, String> byLanguage = names.get(code);
        if (byLanguage != null) {
            for (Language candidate : language.withFallbacks()) {
                String name = byLanguage.get(candidate);
                if (name != null && !name.isBlank()) {
                    return name;
                }
            }
        }
        return code;
    }

    public int size() {
        return names.size();
    }
}
