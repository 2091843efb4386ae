package org.hotline.notification.dispatch.directory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hotline.datafiles.DataFile;
import org.hotline.datafiles.DataFileSchema;
import org.hotline.datafiles.Violation;
import org.hotline.notification.dispatch.domain.Authority;
import org.hotline.notification.dispatch.domain.Directory;
import org.hotline.notification.dispatch.domain.Language;
import org.jspecify.annotations.Nullable;

/**
 * Reads the routing directory's {@code authorities.yml} (docs/routing.md) for what letters need: each body's id,
 * type, names, address and language. The file is routing's, and its published schema
 * (docs/schemas/data/authorities.schema.json) is read here too: every field routing accepts is accepted, and the
 * ones letters do not need are not checked again (routing refuses a file they make invalid), nor are the type's
 * values and the address's form. Every problem is reported with its line, and any problem fails the load: a
 * reminder must never go to a half-read directory.
 */
public final class AuthoritiesFile {

    private static final DataFileSchema SCHEMA = DataFileSchema.load("authorities.schema.json");
    /** The fields of an authority that letters do not need: routing checks them. */
    private static final Pattern NOT_READ = Pattern.compile(
            "/authorities/\\d+/(level|unit|acceptsAnonymous|answerDeadlineWorkingDays|superior)");

    /** @throws InvalidDirectoryException listing every problem found, each with its line */
    public Directory load(String fileName, byte[] content) {
        DataFile data = SCHEMA.read(fileName, content, AuthoritiesFile::reported);
        AuthoritiesYaml read = data.bind(AuthoritiesYaml.class);
        List<Authority> authorities = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<@Nullable AuthorityYaml> entries = read == null || read.authorities() == null ? List.of()
                : read.authorities();
        for (int i = 0; i < entries.size(); i++) {
            Authority authority = entries.get(i) == null ? null : authority(entries.get(i));
            if (authority != null && !ids.add(authority.id())) {
                data.problem("/authorities/" + i, "duplicate authority id " + authority.id());
            } else if (authority != null) {
                authorities.add(authority);
            }
        }
        if (data.hasProblems()) {
            throw new InvalidDirectoryException(data.problems().stream().map(Object::toString).toList());
        }
        return new Directory(authorities);
    }

    private static boolean reported(Violation violation) {
        if (NOT_READ.matcher(violation.pointer()).matches()) {
            return violation.keyword().equals("additionalProperties");
        }
        boolean typeValue = violation.pointer().matches("/authorities/\\d+/type")
                && violation.keyword().equals("enum");
        boolean addressForm = violation.pointer().matches("/authorities/\\d+/contactEmail")
                && violation.keyword().equals("pattern");
        return !typeValue && !addressForm;
    }

    private static @Nullable Authority authority(AuthorityYaml entry) {
        Language language = entry.correspondenceLanguage() == null ? null
                : Language.fromCode(entry.correspondenceLanguage()).orElse(null);
        Map<Language, String> names = new EnumMap<>(Language.class);
        if (entry.name() != null) {
            for (Language each : Language.values()) {
                String name = entry.name().get(each.code());
                if (name != null) {
                    names.put(each, name);
                }
            }
        }
        if (entry.id() == null || entry.type() == null || entry.contactEmail() == null || language == null
                || names.size() != Language.values().length) {
            return null;
        }
        return new Authority(entry.id(), entry.type(), names, entry.contactEmail(), language);
    }

    /** The fields of authorities.yml letters need, as its schema gives them; a value the schema refused is null. */
    record AuthoritiesYaml(@Nullable List<@Nullable AuthorityYaml> authorities) {
    }

    record AuthorityYaml(@Nullable String id, @Nullable String type, @Nullable Map<String, String> name,
            @Nullable String contactEmail, @Nullable String correspondenceLanguage) {
    }

    /** The directory file has problems; the service does not start, or a reload keeps the previous directory. */
    public static final class InvalidDirectoryException extends RuntimeException {

        private final List<String> problems;

        InvalidDirectoryException(List<String> problems) {
            super("the directory has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
