package org.hotline.cases.directory.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hotline.cases.directory.application.InvalidDirectoryException;
import org.hotline.cases.directory.domain.AuthorityNames;
import org.hotline.datafiles.DataFile;
import org.hotline.datafiles.DataFileSchema;
import org.hotline.datafiles.Violation;
import org.jspecify.annotations.Nullable;

/**
 * Reads the bodies' names and correspondence languages from the routing directory's {@code authorities.yml}
 * ({@code authorities:} a list of {@code id}, {@code name: {kk, ru, en}}, {@code correspondenceLanguage} and fields
 * the case service does not use). Routing owns the file and checks all of it against its published schema
 * (docs/schemas/data/authorities.schema.json); this reports only what the schema says of the fields it reads, and
 * ignores the others and any field it does not know, so that a field routing adds does not stop the case service.
 * A body without a language is written to in Russian. Every problem is reported with its line, and any problem
 * fails the load.
 */
public final class AuthoritiesLoader {

    private static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    private static final DataFileSchema SCHEMA = DataFileSchema.load("authorities.schema.json");
    /** The list, its entries, and each entry's id and name: the fields read here, whose problems are reported. */
    private static final Pattern READ = Pattern.compile("(/authorities(/\\d+(/id|/name(/.*)?)?)?)?");
    private static final Pattern LANGUAGE = Pattern.compile("/authorities/\\d+/correspondenceLanguage");

    /** @throws InvalidDirectoryException listing every problem found, each with its line */
    public AuthorityNames load(String fileName, byte[] content) {
        DataFile data = SCHEMA.read(fileName, content, AuthoritiesLoader::reported);
        AuthoritiesFile read = data.bind(AuthoritiesFile.class);
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        Map<String, String> languages = new LinkedHashMap<>();
        List<@Nullable AuthorityEntry> entries = read == null || read.authorities() == null ? List.of()
                : read.authorities();
        for (int i = 0; i < entries.size(); i++) {
            AuthorityEntry authority = entries.get(i);
            String at = "/authorities/" + i;
            if (authority == null || authority.id() == null || authority.name() == null) {
                continue;
            }
            String id = authority.id();
            Map<String, String> texts = new LinkedHashMap<>();
            for (String language : LANGUAGES) {
                String text = authority.name().get(language);
                if (text != null) {
                    texts.put(language, text);
                }
            }
            if (names.putIfAbsent(id, texts) != null) {
                data.problem(at, "authority id '" + id + "' is used twice");
            }
            String language = authority.correspondenceLanguage();
            if (language != null && !LANGUAGES.contains(language)) {
                data.problem(at, "correspondenceLanguage must be one of " + String.join(", ", LANGUAGES));
            } else {
                languages.put(id, language == null ? AuthorityNames.DEFAULT_LANGUAGE : language);
            }
        }
        if (data.hasProblems()) {
            throw new InvalidDirectoryException(data.problems().stream().map(Object::toString).toList());
        }
        return new AuthorityNames(names, languages);
    }

    /**
     * The schema's problems with what is read here: the list, each entry's id and name; of the language only a
     * value that is not one (its absence means Russian here, and the languages are checked above, at the entry's
     * line). An unknown field is routing's to refuse.
     */
    private static boolean reported(Violation violation) {
        if (violation.keyword().equals("additionalProperties")) {
            return false;
        }
        return READ.matcher(violation.pointer()).matches()
                || LANGUAGE.matcher(violation.pointer()).matches() && violation.keyword().equals("type");
    }

    /** The fields of authorities.yml read here, as its schema gives them; a value the schema refused is null. */
    record AuthoritiesFile(@Nullable List<@Nullable AuthorityEntry> authorities) {
    }

    record AuthorityEntry(@Nullable String id, @Nullable Map<String, String> name,
            @Nullable String correspondenceLanguage) {
    }
}
