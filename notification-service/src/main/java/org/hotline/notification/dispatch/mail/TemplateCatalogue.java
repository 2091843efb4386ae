package org.hotline.notification.dispatch.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotline.notification.dispatch.domain.Language;
import org.jspecify.annotations.Nullable;

/**
 * Where templates are found: an NGO's directory first (when configured), then the ones shipped in the jar.
 * A template in a language is there when its three files are: {@code <template>/<lang>.subject.txt},
 * {@code <template>/<lang>.html} and {@code <template>/<lang>.txt}.
 */
final class TemplateCatalogue {

    static final String CLASSPATH_ROOT = "mail-templates/";
    private static final List<String> PARTS = List.of(".subject.txt", ".html", ".txt");

    private final @Nullable Path directory;

    TemplateCatalogue(@Nullable Path directory) {
        this.directory = directory;
    }

    /** The first language, in fallback order, that the template exists in. */
    Language languageFor(String template, Language requested) {
        for (Language candidate : requested.withFallbacks()) {
            if (PARTS.stream().allMatch(part -> exists(template + "/" + candidate.code() + part))) {
                return candidate;
            }
        }
        throw new IllegalStateException("template '" + template + "' exists in no language of "
                + requested.withFallbacks());
    }

    private boolean exists(String name) {
        if (directory != null && Files.isRegularFile(directory.resolve(name))) {
            return true;
        }
        return TemplateCatalogue.class.getClassLoader().getResource(CLASSPATH_ROOT + name) != null;
    }
}
