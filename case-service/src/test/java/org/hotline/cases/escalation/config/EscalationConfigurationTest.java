package org.hotline.cases.escalation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hotline.cases.directory.domain.AuthorityNames;
import org.hotline.cases.directory.yaml.AuthoritiesLoader;
import org.hotline.cases.escalation.application.BundledLadder;
import org.hotline.cases.escalation.domain.Ladder;
import org.junit.jupiter.api.Test;

class EscalationConfigurationTest {

    @Test
    void findsEveryRungOfTheBundledLaddersInTheBundledDirectory() throws IOException {
        AuthorityNames names = bundledDirectory();

        assertThat(EscalationConfiguration.rungsOfEveryBody(BundledLadder.kazakhstan(), names).keySet())
                .contains("kz-39-prosecutor", "kz-39-education", "kz-ombudsman")
                .noneMatch(id -> id.contains("{"))
                .allSatisfy(rung -> assertThat(names.missing(List.of(rung))).as(rung).isEmpty());
    }

    @Test
    void findsARungThatAPatternGivesABodyOfTheDirectoryAndTheDirectoryLacks() {
        AuthorityNames names = new AuthoritiesLoader().load("authorities.yml", """
                authorities:
                  - id: kz-39-police
                    name: { kk: "Полиция", ru: "Полиция", en: "Police" }
                  - id: kz-ombudsman
                    name: { kk: "Омбудсмен", ru: "Уполномоченный", en: "Commissioner" }
                """.getBytes(StandardCharsets.UTF_8));
        Ladder ladder = BundledLadder.of("""
                lastRung: { authorityId: kz-ombudsman, authorityType: OMBUDSMAN }
                ladders:
                  - body: "kz-{region}-police"
                    rungs:
                      - { authorityId: "kz-{region}-prosecuter", authorityType: PROSECUTOR }
                """);

        assertThat(names.missing(EscalationConfiguration.rungsOfEveryBody(ladder, names).keySet()))
                .containsExactly("kz-39-prosecuter");
        assertThat(EscalationConfiguration.rungsOfEveryBody(ladder, names))
                .containsEntry("kz-39-prosecuter", "kz-39-police").containsEntry("kz-ombudsman", "");
        assertThat(names.missing(ladder.namedAuthorityIds())).as("what the start checked before").isEmpty();
    }

    private static AuthorityNames bundledDirectory() throws IOException {
        try (InputStream in = EscalationConfigurationTest.class.getResourceAsStream("/directory/kz/authorities.yml")) {
            assertThat(in).as("copied by the build from routing-service").isNotNull();
            return new AuthoritiesLoader().load("authorities.yml", in.readAllBytes());
        }
    }
}
