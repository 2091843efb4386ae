package org.hotline.datafiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnitNamesTest {

    @Test
    void namesEachUnitInEachLanguageAndAnUnlistedOneByItsCode() {
        // given
        String file = """
                units:
                  - code: KZ
                    kind: COUNTRY
                    name: { kk: Қазақстан Республикасы, ru: Республика Казахстан, en: Republic of Kazakhstan }
                  - code: KZ-39
                    kind: REGION
                    parent: KZ
                    name: { kk: Қостанай облысы, ru: Костанайская область, en: Kostanay Region }
                    validFrom: 2022-06-08
                """;

        // when
        UnitNames names = UnitNames.read("units.yml", file.getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(names.size()).isEqualTo(2);
        assertThat(names.name("KZ-39", "kk")).isEqualTo("Қостанай облысы");
        assertThat(names.name("KZ-39", "ru")).isEqualTo("Костанайская область");
        assertThat(names.name("KZ-39", "en")).isEqualTo("Kostanay Region");
        assertThat(names.name("KZ-99", "ru")).isEqualTo("KZ-99");
        assertThat(names.name("KZ-39", "de")).isEqualTo("KZ-39");
        assertThat(names.all()).containsOnlyKeys("KZ", "KZ-39");
    }

    @Test
    void reportsEveryProblemWithItsLineAndLeavesWhatNamingDoesNotNeedToRouting() {
        // given: a name without its English form, a duplicate code, an unknown field, and a kind only routing checks
        String file = """
                units:
                  - code: KZ
                    kind: COUNTRY
                    name: { kk: Қазақстан, ru: Казахстан }
                  - code: KZ
                    kind: COUNTRY
                    name: { kk: Қазақстан, ru: Казахстан, en: Kazakhstan }
                    colour: blue
                  - code: KZ-39
                    kind: PROVINCE
                    name: { kk: Қостанай облысы, ru: Костанайская область, en: Kostanay Region }
                """;

        // then
        assertThatThrownBy(() -> UnitNames.read("units.yml", file.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidDataFileException.class, e -> assertThat(e.problems())
                        .hasSize(3)
                        .anyMatch(p -> p.startsWith("units.yml:4:"))
                        .anyMatch(p -> p.contains("duplicate unit code KZ"))
                        .anyMatch(p -> p.contains("colour"))
                        .noneMatch(p -> p.contains("PROVINCE")));
    }
}
