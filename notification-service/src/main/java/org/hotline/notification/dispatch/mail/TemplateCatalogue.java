package org.hotline.notification.dispatch.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.hotline.notification.dispatch.domain.Language;
import org.jspecify.annotations.Nullable;

/**
 * Where templates are found: an NGO's directory first (when configured), then the ones shipped in the jar.
 * A template in a language is there when its three files are: {@code <template>/<lang>.subject.txt},
 * {@code <template>/<lang>.html} and {@code <template>/<lang>.txt}.
 *
 * <p>The answer for a template and a requested language is remembered: looking up its files (up to nine class path
 * resources) for every email took 4 % of the service's CPU on the local stack (JFR; notification-service/benchmarks/
 * results.md). The jar's templates cannot change, so without a directory an answer holds for good; with one, for as
 * long as the template engine keeps a parsed file (a minute), so that a file the NGO adds or removes is seen as soon
 * as an edit would be.
 */
final class TemplateCatalogue {

    static final String CLASSPATH_ROOT = "mail-templates/";
    /** How long the engine keeps a template of the NGO's directory, and this class an answer about one. */
    static final Duration DIRECTORY_REFRESH = Duration.ofMinutes(1);
    private static final List<String> PARTS = List.of(".subject.txt", ".html", ".txt");

    private final @Nullable Path directory;
    private final LongSupplier nanoTime;
    private final Map<String, Found> found = new ConcurrentHashMap<>();

    TemplateCatalogue(@Nullable Path directory) {
        this(directory, System::nanoTime);
    }

    TemplateCatalogue(@Nullable Path directory, LongSupplier nanoTime) {
        this.directory = directory;
        this.nanoTime = nanoTime;
    }

    /** The first language, in fallback order, that the template exists in. */
    Language languageFor(String template, Language requested) {
        String key = template + "/" + requested.code();
        long now = nanoTime.getAsLong();
        Found known = found.get(key);
        if (known != null && (directory == null || now - known.atNanos() < DIRECTORY_REFRESH.toNanos())) {
            return known.language();
        }
        Language language = lookUp(template, requested);
        found.put(key, new Found(language, now));
        return language;
    }

    private Language lookUp(String template, Language requested) {
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

    private record Found(Language language, long atNanos) {
    }
}
