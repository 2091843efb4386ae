package org.hotline.cases.directory.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.hotline.cases.directory.application.InvalidDirectoryException;
import org.hotline.cases.directory.domain.AuthorityNames;
import org.hotline.cases.escalation.application.BundledLadder;
import org.junit.jupiter.api.Test;

class AuthoritiesLoaderTest {

    @Test
    void readsTheNamesOfTheRoutingDirectoryTheBuildCopiedIn() throws IOException {
        AuthorityNames names = bundled();

        assertThat(names.of("kz-39-prosecutor")).containsEntry("ru", "Прокуратура (Костанайская область)")
                .containsEntry("en", "Prosecutor's Office, Kostanay Region").containsKey("kk");
        assertThat(names.of("kz-unknown")).isEmpty();
    }

    @Test
    void holdsEveryBodyTheBundledLadderNamesById() throws IOException {
        assertThat(BundledLadder.kazakhstan().namedAuthorityIds()).contains("kz-ombudsman", "kz-prosecutor",
                "kz-education").noneMatch(id -> id.contains("{"));
        assertThat(bundled().missing(BundledLadder.kazakhstan().namedAuthorityIds())).isEmpty();
    }

    @Test
    void namesTheBodiesALadderNamesThatTheDirectoryLacks() {
        AuthorityNames names = load("""
                authorities:
                  - id: kz-ombudsman
                    name: { kk: "Омбудсмен", ru: "Уполномоченный", en: "Commissioner" }
                """);

        assertThat(names.missing(BundledLadder.kazakhstan().namedAuthorityIds()))
                .contains("kz-prosecutor", "kz-education").doesNotContain("kz-ombudsman");
    }

    @Test
    void ignoresTheFieldsRoutingReadsAndTheCaseServiceDoesNot() {
        AuthorityNames names = load("""
                authorities:
                  - id: kz-ombudsman
                    type: OMBUDSMAN
                    level: NATIONAL
                    name: { kk: "Омбудсмен", ru: "Уполномоченный", en: "Commissioner" }
                    contactEmail: ombudsman@example.org
                    someFieldRoutingAddsLater: true
                """);

        assertThat(names.of("kz-ombudsman")).containsEntry("en", "Commissioner");
    }

    @Test
    void readsTheLanguageEachBodyIsWrittenToInRussianWhenNoneIsGiven() {
        AuthorityNames names = load("""
                authorities:
                  - id: kz-39-akimat
                    name: { kk: "Әкімдік", ru: "Акимат", en: "Akimat" }
                    correspondenceLanguage: kk
                  - id: kz-ombudsman
                    name: { kk: "Омбудсмен", ru: "Уполномоченный", en: "Commissioner" }
                """);

        assertThat(names.correspondenceLanguage("kz-39-akimat")).isEqualTo("kk");
        assertThat(names.correspondenceLanguage("kz-ombudsman")).isEqualTo("ru");
        assertThat(names.ids()).containsExactlyInAnyOrder("kz-39-akimat", "kz-ombudsman");
    }

    @Test
    void reportsEveryProblemWithItsLine() {
        assertThatThrownBy(() -> load("""
                authorities:
                  - id: kz-ombudsman
                    name: { kk: "Омбудсмен", ru: "Уполномоченный", en: "Commissioner" }
                  - id: kz-ombudsman
                    name: { kk: "Омбудсмен", ru: "Уполномоченный", en: "Commissioner" }
                  - id: kz-police
                  - id: kz-prosecutor
                    name: { ru: "Генеральная прокуратура РК" }
                  - id: kz-39-akimat
                    name: { kk: "Әкімдік", ru: "Акимат", en: "Akimat" }
                    correspondenceLanguage: de
                """))
                .isInstanceOf(InvalidDirectoryException.class)
                .hasMessageContaining("authorities.yml:4: authority id 'kz-ombudsman' is used twice")
                .hasMessageContaining("authorities.yml:6: 'name' is required")
                .hasMessageContaining("authorities.yml:8: 'kk' is required")
                .hasMessageContaining("authorities.yml:9: correspondenceLanguage must be one of kk, ru, en");
    }

    private static AuthorityNames bundled() throws IOException {
        try (InputStream in = AuthoritiesLoaderTest.class.getResourceAsStream("/directory/kz/authorities.yml")) {
            assertThat(in).as("copied by the build from routing-service").isNotNull();
            return new AuthoritiesLoader().load("authorities.yml", in.readAllBytes());
        }
    }

    private static AuthorityNames load(String yaml) {
        return new AuthoritiesLoader().load("authorities.yml", yaml.getBytes(StandardCharsets.UTF_8));
    }
}
