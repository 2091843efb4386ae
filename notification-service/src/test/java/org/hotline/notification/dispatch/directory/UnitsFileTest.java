package org.hotline.notification.dispatch.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.Places;
import org.junit.jupiter.api.Test;

class UnitsFileTest {

    @Test
    void namesThePlacesOfTheRoutingDirectoryShippedWithTheService() throws Exception {
        // given: the build copies routing's sample file
        byte[] content;
        try (InputStream in = getClass().getResourceAsStream("/directory/kz/units.yml")) {
            assertThat(in).as("routing's units.yml on the classpath").isNotNull();
            content = in.readAllBytes();
        }

        // when
        Places places = new UnitsFile().load("units.yml", content);

        // then: the country, its regions and Kostanay region's districts, in each language
        assertThat(places.size()).isGreaterThan(20);
        assertThat(places.name("KZ-39", Language.KK)).isEqualTo("Қостанай облысы");
        assertThat(places.name("KZ-39", Language.RU)).isEqualTo("Костанайская область");
        assertThat(places.name("KZ-39", Language.EN)).isEqualTo("Kostanay Region");
        assertThat(places.name("391010000", Language.RU)).isNotEqualTo("391010000");
        assertThat(places.name("KZ", Language.EN)).isEqualTo("Republic of Kazakhstan");
        // a unit newer than the file is shown by its code
        assertThat(places.name("KZ-99", Language.RU)).isEqualTo("KZ-99");
    }

    @Test
    void reportsEveryProblemWithItsLine() {
        // given: a name without its English form, a duplicate code and an unknown field
        String file = """
                units:
                  - code: KZ
                    kind: COUNTRY
                    name: { kk: Қазақстан, ru: Казахстан }
                  - code: KZ
                    kind: COUNTRY
                    name: { kk: Қазақстан, ru: Казахстан, en: Kazakhstan }
                    colour: blue
                """;

        // then
        assertThatThrownBy(() -> new UnitsFile().load("units.yml", file.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(AuthoritiesFile.InvalidDirectoryException.class, e -> assertThat(
                        e.problems()).anyMatch(p -> p.startsWith("units.yml:4:"))
                        .anyMatch(p -> p.contains("duplicate unit code KZ"))
                        .anyMatch(p -> p.contains("colour")));
    }
}
