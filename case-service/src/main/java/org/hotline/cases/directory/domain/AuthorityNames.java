package org.hotline.cases.directory.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bodies' names by directory id, each by language ({@code kk}, {@code ru}, {@code en}), and the language each
 * body is written to in, as the routing directory states them. The case service needs them for the bodies
 * escalation adds: routing's decision carries the names and languages of the bodies it chose, but a rung is named
 * in the ladder by id alone.
 */
public final class AuthorityNames {

    /**
     * The correspondence language of a body whose entry gives none. Routing refuses such a file, so only a file
     * routing would not load lacks it; the bodies of Kazakhstan's directory are written to in Russian.
     */
    public static final String DEFAULT_LANGUAGE = "ru";

    private final Map<String, Map<String, String>> byId;
    private final Map<String, String> languages;

    public AuthorityNames(Map<String, Map<String, String>> byId, Map<String, String> languages) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        byId.forEach((id, names) -> copy.put(id, Map.copyOf(names)));
        this.byId = Map.copyOf(copy);
        this.languages = Map.copyOf(languages);
    }

    /** The language the body is written to in ({@code kk}, {@code ru} or {@code en}). */
    public String correspondenceLanguage(String authorityId) {
        return languages.getOrDefault(authorityId, DEFAULT_LANGUAGE);
    }

    /** Every body's id. */
    public Set<String> ids() {
        return byId.keySet();
    }

    /** The body's names by language; empty for an id the directory does not hold. */
    public Map<String, String> of(String authorityId) {
        return byId.getOrDefault(authorityId, Map.of());
    }

    /**
     * The name in {@code byLanguage} for a page in {@code language}: in that language, else in Russian, else in
     * English, else the body's {@code id}. The names are routing's for the bodies it chose (kept in the case file),
     * the directory's ({@link #of}) for the rungs escalation added.
     */
    public static String inLanguage(Map<String, String> byLanguage, String id, String language) {
        for (String candidate : List.of(language, "ru", "en")) {
            String name = byLanguage.get(candidate);
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return id;
    }

    /** The ids among {@code authorityIds} that the directory does not hold, sorted. */
    public List<String> missing(Collection<String> authorityIds) {
        return authorityIds.stream().filter(id -> !byId.containsKey(id)).distinct().sorted().toList();
    }

    public int size() {
        return byId.size();
    }
}
