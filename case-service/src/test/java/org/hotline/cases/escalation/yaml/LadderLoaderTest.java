package org.hotline.cases.escalation.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.cases.casefile.domain.Circumstances;
import org.hotline.cases.escalation.application.BundledLadder;
import org.hotline.cases.escalation.application.InvalidLadderException;
import org.hotline.cases.escalation.domain.Ladder;
import org.hotline.cases.escalation.domain.Rung;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class LadderLoaderTest {

    private static final Path DIRECTORY = Path.of("..", "routing-service", "src", "main", "resources", "directory",
            "kz", "authorities.yml");
    private static final Ladder LADDER = BundledLadder.kazakhstan();

    @Test
    void climbsFromADistrictEducationDepartmentThroughTheRegionTheMinistryAndTheProsecutorToTheCommissioner() {
        assertThat(LADDER.above("kz-39-391010000-education").orElseThrow()).containsExactly(
                new Rung("kz-39-education", "EDUCATION_AUTHORITY"),
                new Rung("kz-education", "EDUCATION_AUTHORITY"),
                new Rung("kz-39-prosecutor", "PROSECUTOR"),
                new Rung("kz-ombudsman", "OMBUDSMAN"));
    }

    @Test
    void sendsASilentRegionalPoliceToItsProsecutorsThenTheCommissioner() {
        assertThat(LADDER.above("kz-10-police").orElseThrow()).extracting(Rung::authorityId)
                .containsExactly("kz-10-prosecutor", "kz-prosecutor", "kz-ombudsman");
    }

    @Test
    void hasNothingAboveTheLastRungAndNoLadderForTheHotlinesOwnDesk() {
        assertThat(LADDER.above("kz-ombudsman")).hasValue(List.of());
        assertThat(LADDER.above("kz-triage")).isEmpty();
        assertThat(LADDER.above("kz-35-legal-aid")).isEmpty();
    }

    @Test
    void keepsTheDistrictDepartmentOutWhenTheHeadOfItsPublicSchoolIsAccusedAsRoutingDoes() {
        Rung district = new Rung("kz-39-391010000-education", "EDUCATION_AUTHORITY");

        assertThat(LADDER.conflict(district, new Circumstances("PUBLIC", "SCHOOL", "HEAD_OF_ORGANIZATION", true)))
                .hasValue("district-department-oversees-the-head");
        assertThat(LADDER.conflict(district, new Circumstances("PUBLIC", "SCHOOL", "SUPERVISOR", true))).isEmpty();
        assertThat(LADDER.conflict(new Rung("kz-39-education", "EDUCATION_AUTHORITY"),
                new Circumstances("PUBLIC", "SCHOOL", "HEAD_OF_ORGANIZATION", true))).isEmpty();
    }

    @Test
    void namesOnlyBodiesOfTheRoutingDirectoryWithTheirDirectoryTypes() throws IOException {
        Map<String, String> directory = directoryTypes();
        int climbed = 0;
        for (String body : directory.keySet()) {
            List<Rung> rungs = LADDER.above(body).orElse(List.of());
            for (Rung rung : rungs) {
                assertThat(directory).as("rung of %s", body).containsEntry(rung.authorityId(), rung.authorityType());
            }
            climbed += rungs.isEmpty() ? 0 : 1;
        }
        assertThat(climbed).as("bodies with a ladder").isGreaterThan(100);
    }

    @Test
    void reportsEveryProblemOfTheFileWithItsLine() {
        String yaml = """
                lastRung: { authorityId: kz-ombudsman, authorityType: OMBUDSMAN }
                ladders:
                  - body: "kz-{region}-police"
                    rungs:
                      - { authorityId: "kz-{district}-prosecutor", authorityType: PROSECUTOR }
                      - { authorityId: kz-prosecutor, authorityType: PROSECUTER }
                  - body: "kz-{oblast}-education"
                    rungs: []
                conflicts:
                  - id: wrong
                    rung: "kz-{region}-education"
                    when:
                      - { sectors: [PUBLIK] }
                    reason: A typo.
                """;

        assertThatThrownBy(() -> BundledLadder.of(yaml)).isInstanceOf(InvalidLadderException.class)
                .extracting(e -> ((InvalidLadderException) e).problems(), list(String.class))
                .containsExactly(
                        "test-ladder.yml:5: rung 'kz-{district}-prosecutor' uses a placeholder its body "
                                + "'kz-{region}-police' does not give",
                        "test-ladder.yml:6: unknown authority type 'PROSECUTER' (one of ANTI_CORRUPTION, "
                                + "CHILDREN_OMBUDSMAN, CRISIS_CENTER, EDUCATION_AUTHORITY, LABOUR_INSPECTION, "
                                + "NGO_LEGAL_AID, OMBUDSMAN, POLICE, PROSECUTOR, TRIAGE)",
                        "test-ladder.yml:7: 'body' kz-{oblast}-education: unknown placeholder {oblast} (known: "
                                + "{region}, {district})",
                        "test-ladder.yml:13: unknown sectors value 'PUBLIK' (one of INFORMAL, NGO, PRIVATE, PUBLIC)");
    }

    /** Every authority of the routing directory with its type, read with plain SnakeYAML. */
    private static Map<String, String> directoryTypes() throws IOException {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(DIRECTORY));
        Map<String, String> types = new LinkedHashMap<>();
        for (Object authority : (List<?>) root.get("authorities")) {
            Map<?, ?> fields = (Map<?, ?>) authority;
            types.put((String) fields.get("id"), (String) fields.get("type"));
        }
        return types;
    }
}
