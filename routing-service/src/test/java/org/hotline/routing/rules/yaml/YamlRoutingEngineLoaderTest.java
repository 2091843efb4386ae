package org.hotline.routing.rules.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.hotline.routing.directory.application.DirectoryFile;
import org.hotline.routing.directory.application.DirectorySource;
import org.hotline.routing.directory.domain.AuthorityType;
import org.hotline.routing.directory.domain.DirectoryProblem;
import org.hotline.routing.directory.domain.InvalidDirectoryException;
import org.hotline.routing.directory.domain.Level;
import org.hotline.routing.rules.domain.Reason;
import org.hotline.routing.rules.domain.RoutingEngine;
import org.hotline.routing.rules.domain.RuleBook;
import org.junit.jupiter.api.Test;

/** Loading the directory files: the sample is complete, and each kind of mistake is reported with its line. */
class YamlRoutingEngineLoaderTest {

    private static final String UNITS = """
            units:
              - code: KZ
                kind: COUNTRY
                name: { kk: Қазақстан, ru: Казахстан, en: Kazakhstan }
              - code: KZ-39
                kind: REGION
                parent: KZ
                name: { kk: Қостанай облысы, ru: Костанайская область, en: Kostanay Region }
            """;

    private static final String AUTHORITIES = """
            authorities:
              - id: kz-triage
                type: TRIAGE
                level: NATIONAL
                unit: KZ
                name: { kk: Триаж, ru: Триаж, en: Triage }
                contactEmail: triage@example.org
                correspondenceLanguage: ru
                acceptsAnonymous: true
              - id: kz-police
                type: POLICE
                level: NATIONAL
                unit: KZ
                name: { kk: Полиция, ru: Полиция, en: Police }
                contactEmail: police@example.org
                correspondenceLanguage: ru
                acceptsAnonymous: true
                answerDeadlineWorkingDays: 15
              - id: kz-39-police
                type: POLICE
                level: REGION
                unit: KZ-39
                name: { kk: Полиция, ru: Полиция, en: Police }
                contactEmail: kostanay.police@example.org
                correspondenceLanguage: ru
                acceptsAnonymous: true
                superior: kz-police
            """;

    private static final String RULES = """
            version: test-1
            triageAuthority: kz-triage
            primaryPriority: [POLICE, TRIAGE]
            anonymity: { id: anonymous-appeal, reason: Triage stands in. }
            fallback: { id: fallback-triage, reason: Triage decides. }
            rules:
              - id: violence
                when:
                  - categories: [SEXUAL_VIOLENCE]
                assign:
                  - { type: POLICE, role: PRIMARY, reason: Police act. }
            """;

    @Test
    void loadsTheCompleteSampleDirectoryOfKazakhstan() {
        RoutingEngine engine = SampleDirectory.engine();

        // 1 country + 20 regions + 20 districts and cities of Kostanay region
        assertThat(engine.directory().unitCount()).isEqualTo(41);
        List<String> regions = List.of("KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33",
                "KZ-35", "KZ-39", "KZ-43", "KZ-47", "KZ-55", "KZ-59", "KZ-61", "KZ-62", "KZ-63", "KZ-71", "KZ-75",
                "KZ-79");
        for (String region : regions) {
            for (AuthorityType type : List.of(AuthorityType.POLICE, AuthorityType.PROSECUTOR,
                    AuthorityType.ANTI_CORRUPTION, AuthorityType.LABOUR_INSPECTION, AuthorityType.EDUCATION_AUTHORITY,
                    AuthorityType.OMBUDSMAN, AuthorityType.CHILDREN_OMBUDSMAN)) {
                assertThat(engine.directory().covering(type, region)).as(type + " of " + region).isPresent();
            }
        }
        assertThat(engine.directory().covering(AuthorityType.EDUCATION_AUTHORITY, "391010000")).isPresent();
        assertThat(engine.directory().covering(AuthorityType.EDUCATION_AUTHORITY, "392410000").orElseThrow().level())
                .isEqualTo(Level.DISTRICT);
        assertThat(engine.directory().authorities()).allSatisfy(authority ->
                assertThat(authority.contactEmail()).endsWith("@example.org"));
        assertThat(engine.directory().escalationLine("kz-39-392410000-education"))
                .containsExactly("kz-39-392410000-education", "kz-39-education", "kz-education");
        assertThat(engine.ruleBook().rules()).hasSize(9);
    }

    @Test
    void loadsAMinimalValidDirectory() throws Exception {
        RoutingEngine engine = new YamlRoutingEngineLoader().load(files(UNITS, AUTHORITIES, RULES));

        assertThat(engine.rulesVersion()).startsWith("test-1@");
    }

    @Test
    void readsAPlainReasonAsEnglishWithoutTranslations() throws Exception {
        // given: the rules of an NGO written before reasons could be translated
        RoutingEngine engine = new YamlRoutingEngineLoader().load(files(UNITS, AUTHORITIES, RULES));

        // when
        Reason reason = engine.ruleBook().rules().get(0).assign().get(0).reason();

        // then
        assertThat(reason).isEqualTo(new Reason("Police act.", null, null));
        assertThat(reason.translated()).isFalse();
    }

    @Test
    void readsAReasonGivenInKazakhRussianAndEnglish() throws Exception {
        // given
        String translated = RULES.replace("reason: Police act.",
                "reason: { en: Police act., ru: Действует полиция., kk: Полиция әрекет етеді. }");

        // when
        RoutingEngine engine = new YamlRoutingEngineLoader().load(files(UNITS, AUTHORITIES, translated));

        // then
        assertThat(engine.ruleBook().rules().get(0).assign().get(0).reason())
                .isEqualTo(new Reason("Police act.", "Действует полиция.", "Полиция әрекет етеді."));
    }

    @Test
    void reportsATranslatedReasonWithoutEnglishWithItsFileAndLine() {
        assertProblem(files(UNITS, AUTHORITIES, RULES.replace("reason: Police act.",
                "reason: { ru: Действует полиция., kk: Полиция әрекет етеді. }")), "rules.yml", 11, "'en' is required");
    }

    @Test
    void reportsAReasonInALanguageTheHotlineDoesNotWriteWithItsFileAndLine() {
        assertProblem(files(UNITS, AUTHORITIES, RULES.replace("reason: Triage decides.",
                "reason: { en: Triage decides., de: Die Triage entscheidet. }")), "rules.yml", 5,
                "reason: unknown field 'de'");
    }

    @Test
    void givesEveryReasonOfTheSampleRulesInKazakhRussianAndEnglish() {
        // given
        RuleBook book = SampleDirectory.engine().ruleBook();

        // when
        List<Reason> reasons = new ArrayList<>(List.of(book.anonymity().reason(), book.fallback().reason()));
        book.rules().forEach(rule -> rule.assign().forEach(assign -> reasons.add(assign.reason())));

        // then
        assertThat(reasons).hasSize(14).allSatisfy(reason -> {
            assertThat(reason.ru()).isNotBlank().isNotEqualTo(reason.en());
            assertThat(reason.kk()).isNotBlank().isNotEqualTo(reason.en()).isNotEqualTo(reason.ru());
        });
    }

    @Test
    void reportsAnUnknownAuthorityTypeWithItsFileAndLine() {
        assertProblem(files(UNITS, AUTHORITIES.replace("type: POLICE\n    level: REGION", "type: POLIZEI\n    level: REGION"),
                RULES), "authorities.yml", 20, "unknown type 'POLIZEI'");
    }

    @Test
    void reportsAnUnknownUnit() {
        assertProblem(files(UNITS, AUTHORITIES.replace("unit: KZ-39", "unit: KZ-99"), RULES),
                "authorities.yml", 22, "unknown unit KZ-99");
    }

    @Test
    void reportsADuplicateAuthorityId() {
        assertProblem(files(UNITS, AUTHORITIES.replace("id: kz-39-police", "id: kz-police"), RULES),
                "authorities.yml", 19, "duplicate authority id kz-police");
    }

    @Test
    void reportsASuperiorThatDoesNotExist() {
        assertProblem(files(UNITS, AUTHORITIES.replace("superior: kz-police", "superior: kz-interior"), RULES),
                "authorities.yml", 27, "superior kz-interior does not exist");
    }

    @Test
    void reportsAnEscalationCycle() {
        String cyclic = AUTHORITIES.replace("answerDeadlineWorkingDays: 15", "answerDeadlineWorkingDays: 15\n    superior: kz-39-police");
        assertProblem(files(UNITS, cyclic, RULES), "authorities.yml", 10,
                "escalation cycle: kz-police -> kz-39-police -> kz-police");
    }

    @Test
    void reportsARuleNamingATypeNoAuthorityHas() {
        assertProblem(files(UNITS, AUTHORITIES, RULES.replace("type: POLICE", "type: LABOUR_INSPECTION")),
                "rules.yml", 11, "no authority of that type is in the directory");
    }

    @Test
    void reportsAnUnknownConditionValueAndAnUnknownField() {
        InvalidDirectoryException e = problems(files(UNITS, AUTHORITIES,
                RULES.replace("categories: [SEXUAL_VIOLENCE]", "categories: [ASSAULT]\n        colour: red")));

        assertThat(e.problems()).extracting(DirectoryProblem::line).contains(9, 10);
        assertThat(e.getMessage()).contains("rules.yml:9: unknown categories 'ASSAULT'")
                .contains("rules.yml:10: condition: unknown field 'colour'");
    }

    @Test
    void reportsYamlThatDoesNotParse() {
        assertProblem(files(UNITS + "  - code: [unclosed\n", AUTHORITIES, RULES), "units.yml", 10, "not valid YAML");
    }

    private static void assertProblem(DirectorySource source, String file, int line, String text) {
        InvalidDirectoryException e = problems(source);
        assertThat(e.problems()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(file);
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.problem()).contains(text);
        });
        assertThat(e.getMessage()).contains(file + ":" + line + ":");
    }

    private static InvalidDirectoryException problems(DirectorySource source) {
        return (InvalidDirectoryException) org.assertj.core.api.Assertions.catchThrowable(
                () -> new YamlRoutingEngineLoader().load(source));
    }

    private static DirectorySource files(String units, String authorities, String rules) {
        return new SampleDirectory().with(DirectorySource.UNITS, units).with(DirectorySource.AUTHORITIES, authorities)
                .with(DirectorySource.RULES, rules);
    }

    @Test
    void failsWithoutLoadingAnythingWhenAFileIsMissing() {
        assertThatThrownBy(() -> new YamlRoutingEngineLoader().load(new DirectorySource() {
            @Override
            public DirectoryFile read(String name) throws java.io.IOException {
                throw new java.nio.file.NoSuchFileException(name);
            }

            @Override
            public String description() {
                return "nowhere";
            }
        })).isInstanceOf(java.io.IOException.class);
    }
}
