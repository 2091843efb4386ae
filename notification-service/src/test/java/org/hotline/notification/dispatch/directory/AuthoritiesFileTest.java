package org.hotline.notification.dispatch.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.hotline.notification.dispatch.domain.Directory;
import org.hotline.notification.dispatch.domain.Language;
import org.junit.jupiter.api.Test;

class AuthoritiesFileTest {

    @Test
    void readsTheRoutingDirectoryShippedWithTheService() throws Exception {
        // given: the build copies routing's sample file
        byte[] content;
        try (InputStream in = getClass().getResourceAsStream("/directory/kz/authorities.yml")) {
            assertThat(in).as("routing's authorities.yml on the classpath").isNotNull();
            content = in.readAllBytes();
        }

        // when
        Directory directory = new AuthoritiesFile().load("authorities.yml", content);

        // then: every rung of the case service's sample ladder is in it
        assertThat(directory.size()).isGreaterThan(100);
        for (String rung : new String[] {"kz-ombudsman", "kz-prosecutor", "kz-education", "kz-39-education",
                "kz-39-prosecutor"}) {
            assertThat(directory.find(rung)).as(rung).isPresent();
        }
        assertThat(directory.find("kz-prosecutor").orElseThrow().name(Language.RU))
                .isEqualTo("Генеральная прокуратура РК");
    }

    @Test
    void reportsEveryProblemWithItsLine() {
        // given
        String file = """
                authorities:
                  - id: kz-police
                    type: POLICE
                    name: { kk: "ІІМ", ru: "МВД" }
                    contactEmail: police@example.org
                    correspondenceLanguage: ru
                  - id: kz-police
                    type: POLICE
                    name: { kk: "ІІМ", ru: "МВД", en: "Police" }
                    contactEmail: police@example.org
                    correspondenceLanguage: de
                    colour: blue
                """;

        // then
        assertThatThrownBy(() -> new AuthoritiesFile().load("authorities.yml",
                file.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(AuthoritiesFile.InvalidDirectoryException.class, e -> assertThat(
                        e.problems()).anyMatch(p -> p.startsWith("authorities.yml:4:"))
                        .anyMatch(p -> p.startsWith("authorities.yml:11:") && p.contains("kk, ru or en"))
                        .anyMatch(p -> p.contains("colour")));
    }
}
