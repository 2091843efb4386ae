package org.hotline.notification.dispatch.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.notification.dispatch.domain.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateCatalogueTest {

    private final AtomicLong nanoTime = new AtomicLong();

    @Test
    void findsTheShippedTemplatesInTheRequestedLanguage() {
        // given the templates of the jar only
        TemplateCatalogue catalogue = new TemplateCatalogue(null, nanoTime::get);

        // when, then: every shipped template has all three languages, asked for twice, an hour apart
        for (Language language : Language.values()) {
            assertThat(catalogue.languageFor("authority-notice", language)).isEqualTo(language);
            nanoTime.addAndGet(3_600_000_000_000L);
            assertThat(catalogue.languageFor("authority-notice", language)).isEqualTo(language);
        }
    }

    @Test
    void seesATranslationTheNgoAddsOnceTheEngineWouldSeeItsTextAndNotBefore(@TempDir Path directory)
            throws Exception {
        // given an NGO's own template in Russian only, asked for in Kazakh
        Path own = Files.createDirectories(directory.resolve("ngo-reminder"));
        write(own, "ru");
        TemplateCatalogue catalogue = new TemplateCatalogue(directory, nanoTime::get);
        assertThat(catalogue.languageFor("ngo-reminder", Language.KK)).isEqualTo(Language.RU);

        // when the NGO adds the Kazakh files
        write(own, "kk");

        // then the answer holds while the engine may still hold the old files, and changes after that
        nanoTime.addAndGet(TemplateCatalogue.DIRECTORY_REFRESH.toNanos() - 1);
        assertThat(catalogue.languageFor("ngo-reminder", Language.KK)).isEqualTo(Language.RU);
        nanoTime.addAndGet(1);
        assertThat(catalogue.languageFor("ngo-reminder", Language.KK)).isEqualTo(Language.KK);
    }

    @Test
    void refusesATemplateThatExistsInNoLanguageEachTimeItIsAskedFor(@TempDir Path directory) {
        // given a directory without the template
        TemplateCatalogue catalogue = new TemplateCatalogue(directory, nanoTime::get);

        // when, then
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> catalogue.languageFor("no-such-template", Language.EN))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-template");
        }
    }

    private static void write(Path template, String language) throws Exception {
        Files.writeString(template.resolve(language + ".subject.txt"), "[[${reference}]]\n");
        Files.writeString(template.resolve(language + ".txt"), "[[${reference}]]\n");
        Files.writeString(template.resolve(language + ".html"), "<p th:text=\"${reference}\">reference</p>\n");
    }
}
