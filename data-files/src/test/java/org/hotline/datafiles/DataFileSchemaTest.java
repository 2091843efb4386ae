package org.hotline.datafiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Reading a data file against its published schema: every problem at once with its line, then binding. */
class DataFileSchemaTest {

    private static final DataFileSchema UNITS = DataFileSchema.load("units.schema.json");
    private static final DataFileSchema AUTHORITIES = DataFileSchema.load("authorities.schema.json");
    private static final DataFileSchema CLOCKS = DataFileSchema.load("clocks.schema.json");

    @Test
    void reportsEveryViolationOfTheFileAtOnceEachAtTheLineOfWhatItIsAbout() {
        // given
        String yaml = """
                units:
                  - code: KZ
                    kind: COUNTRY
                    name: { kk: Қазақстан, ru: Казахстан, en: Kazakhstan }
                    colour: red
                  - kind: PROVINCE
                    parent: KZ
                    name: Kostanay
                  - code: KZ-39
                    kind: REGION
                    name: { kk: Қостанай, ru: Костанай }
                    validFrom: 2022-13-01
                  - just text
                """;

        // when
        DataFile file = UNITS.read("units.yml", bytes(yaml));

        // then
        assertThat(file.problems()).extracting(Problem::toString).containsExactly(
                "units.yml:5: unit: unknown field 'colour' (allowed: code, kind, parent, name, validFrom, validTo)",
                "units.yml:6: unknown kind 'PROVINCE' (one of COUNTRY, REGION, DISTRICT)",
                "units.yml:6: 'code' is required",
                "units.yml:8: 'name' must be a mapping of kk, ru and en",
                "units.yml:11: 'en' is required",
                "units.yml:12: 'validFrom' must be a date written as YYYY-MM-DD",
                "units.yml:13: each entry of 'units' must be a mapping");
    }

    @Test
    void refusesAKeyGivenTwiceInsteadOfLettingTheSecondReplaceTheFirst() {
        // given: two edits merged into one file, each with its own list of units, and a name given twice
        String yaml = """
                units:
                  - code: KZ
                    kind: COUNTRY
                    name: { kk: Қазақстан, ru: Казахстан, en: Kazakhstan }
                    name: { kk: Қазақстан, ru: Казахстан, en: Kazakhstan }
                units:
                  - code: KZ-39
                    kind: REGION
                    parent: KZ
                    name: { kk: Қостанай, ru: Костанай, en: Kostanay }
                """;

        // when
        DataFile file = UNITS.read("units.yml", bytes(yaml));

        // then
        assertThat(file.problems()).extracting(Problem::toString).containsExactly(
                "units.yml:5: 'name' is given twice (first on line 4)",
                "units.yml:6: 'units' is given twice (first on line 1)");
    }

    @Test
    void bindsWhatTheSchemaAllowsAndLeavesOutWhatItRefused() {
        // given: a unit whose kind is refused, and a list entry that is not a unit
        String yaml = """
                units:
                  - code: KZ
                    kind: COUNTRY
                    name: { kk: Қазақстан, ru: Казахстан, en: Kazakhstan }
                    validFrom: 1991-12-16
                  - code: KZ-39
                    kind: PROVINCE
                    name: { kk: Қостанай, ru: Костанай, en: Kostanay }
                  - just text
                """;

        // when
        Units units = UNITS.read("units.yml", bytes(yaml)).bind(Units.class);

        // then: the refused value is null and the other entries keep their places
        assertThat(units).isNotNull();
        assertThat(units.units()).hasSize(3);
        assertThat(units.units().get(0)).isEqualTo(new Unit("KZ", "COUNTRY", null,
                Map.of("kk", "Қазақстан", "ru", "Казахстан", "en", "Kazakhstan"), LocalDate.of(1991, 12, 16)));
        assertThat(units.units().get(1).kind()).isNull();
        assertThat(units.units().get(1).code()).isEqualTo("KZ-39");
        assertThat(units.units().get(2)).isNull();
    }

    @Test
    void readsAScalarAsTheTypeTheSchemaWantsLikeTheHandWrittenReadersDid() {
        // given: an unquoted district code and a name YAML 1.1 would take for false, a quoted number of days
        String units = """
                units:
                  - code: 392410000
                    kind: DISTRICT
                    parent: KZ-39
                    name: { kk: Рудный, ru: Рудный, en: no }
                """;
        String clocks = """
                default: { acknowledgeWorkingDays: "3", answerWorkingDays: 15 }
                """;

        // when
        DataFile unitsFile = UNITS.read("units.yml", bytes(units));
        DataFile clocksFile = CLOCKS.read("clocks.yml", bytes(clocks));

        // then
        assertThat(unitsFile.problems()).isEmpty();
        Unit unit = unitsFile.bind(Units.class).units().get(0);
        assertThat(unit.code()).isEqualTo("392410000");
        assertThat(unit.name()).containsEntry("en", "no");
        assertThat(clocksFile.problems()).isEmpty();
        assertThat(clocksFile.bind(Clocks.class).defaults()).isEqualTo(new Clock(3, 15));
    }

    @Test
    void refusesYesForABooleanANumberOfDaysOutOfRangeAndAListForOneValueWithTheValueAsWritten() {
        // given
        String yaml = """
                authorities:
                  - id: kz-police
                    type: POLICE
                    level: NATIONAL
                    unit: KZ
                    name: { kk: Полиция, ru: Полиция, en: Police }
                    contactEmail: police@example
                    correspondenceLanguage: de
                    acceptsAnonymous: yes
                    answerDeadlineWorkingDays: 0
                  - id: kz-prosecutor
                    type: PROSECUTOR
                    level: NATIONAL
                    unit: KZ
                    name: { kk: Прокуратура, ru: Прокуратура, en: Prosecutor }
                    contactEmail: prosecutor@example.org
                    correspondenceLanguage: ru
                    acceptsAnonymous: true
                    answerDeadlineWorkingDays: [15]
                """;

        // when
        DataFile file = AUTHORITIES.read("authorities.yml", bytes(yaml));

        // then
        assertThat(file.problems()).extracting(Problem::toString).containsExactly(
                "authorities.yml:7: contactEmail 'police@example' is not an email address",
                "authorities.yml:8: correspondenceLanguage must be kk, ru or en",
                "authorities.yml:9: 'acceptsAnonymous' must be true or false, not 'yes'",
                "authorities.yml:10: 'answerDeadlineWorkingDays' must be a positive whole number of days",
                "authorities.yml:19: 'answerDeadlineWorkingDays' must be a single value");
    }

    @Test
    void takesAValueLeftEmptyAsAbsentAndSaysSoWhereTheFieldIsRequired() {
        // given
        String yaml = """
                units:
                  - code:
                    kind: COUNTRY
                    parent: ""
                    name: { kk: Қазақстан, ru: Казахстан, en: Kazakhstan }
                """;

        // when
        DataFile file = UNITS.read("units.yml", bytes(yaml));

        // then
        assertThat(file.problems()).extracting(Problem::toString)
                .containsExactly("units.yml:2: 'code' must not be empty");
        assertThat(file.bind(Units.class).units().get(0).parent()).isNull();
    }

    @Test
    void givesAReaderTheLineOfAValueAndPutsItsProblemsInLineOrderWithTheSchemas() {
        // given
        String yaml = """
                byAuthorityType:
                  POLICE: { acknowledgeWorkingDays: 1 }
                default:
                  acknowledgeWorkingDays: 3
                  answerWorkingDays: 300
                """;
        DataFile file = CLOCKS.read("clocks.yml", bytes(yaml));

        // when
        file.problem("/byAuthorityType/POLICE", "a problem the schema cannot see");
        file.problem("", "another, about the file");

        // then
        assertThat(file.line("/default/answerWorkingDays")).isEqualTo(5);
        assertThat(file.line("/default/nothing/here")).isEqualTo(4);
        assertThat(file.problems()).extracting(Problem::toString).containsExactly(
                "clocks.yml:1: another, about the file",
                "clocks.yml:2: a problem the schema cannot see",
                "clocks.yml:5: 'answerWorkingDays' must be a number of working days from 1 to 250, not '300'");
    }

    @Test
    void reportsOnlyTheViolationsAReaderOfPartOfTheFileAccepts() {
        // given: a reader of ids only
        String yaml = """
                authorities:
                  - id: [kz-police]
                    type: POLIZEI
                """;

        // when
        DataFile file = AUTHORITIES.read("authorities.yml", bytes(yaml),
                violation -> violation.pointer().endsWith("/id"));

        // then
        assertThat(file.problems()).extracting(Problem::toString)
                .containsExactly("authorities.yml:2: 'id' must be a single value");
    }

    @Test
    void reportsYamlThatDoesNotParseAndAFileThatIsNotAMapping() {
        assertThat(UNITS.read("units.yml", bytes("units: [unclosed\n")).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.problem()).startsWith("not valid YAML"));
        DataFile list = UNITS.read("units.yml", bytes("- code: KZ\n"));
        assertThat(list.problems()).extracting(Problem::toString)
                .containsExactly("units.yml:1: the file must be a YAML mapping");
        assertThat(list.bind(Units.class)).isNull();
        assertThat(UNITS.read("units.yml", bytes("")).problems()).extracting(Problem::toString)
                .containsExactly("units.yml:1: the file must be a YAML mapping");
    }

    @Test
    void saysAPolicysReasonLeftEmptyMustNotBeAndTakesARulesAsAbsent() {
        // given
        String yaml = """
                version: 1
                triageAuthority: kz-triage
                anonymity: { id: anonymous-appeal, reason: }
                fallback: { id: fallback-triage, reason: Triage decides. }
                rules:
                  - id: violence
                    when: [ {} ]
                    reason: ""
                    assign: [ { type: POLICE, role: PRIMARY, reason: Police act. } ]
                """;

        // when
        DataFile file = DataFileSchema.load("rules.schema.json").read("rules.yml", bytes(yaml));

        // then: the rule's reason left empty is absent, and the version 1 is the text the schema wants
        assertThat(file.problems()).extracting(Problem::toString)
                .containsExactly("rules.yml:3: 'reason' must not be empty");
    }

    @Test
    void refusesAnAliasThatContainsItself() {
        assertThat(UNITS.read("units.yml", bytes("units: &all [*all]\n")).problems())
                .extracting(Problem::problem).contains("an alias may not refer to a value that contains it");
    }

    @Test
    void refusesASchemaThatIsNotPublished() {
        assertThatThrownBy(() -> DataFileSchema.load("nothing.schema.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing.schema.json");
    }

    private static byte[] bytes(String yaml) {
        return yaml.getBytes(StandardCharsets.UTF_8);
    }

    record Units(List<@Nullable Unit> units) {
    }

    record Unit(@Nullable String code, @Nullable String kind, @Nullable String parent,
            @Nullable Map<String, String> name, @Nullable LocalDate validFrom) {
    }

    record Clocks(@JsonProperty("default") @Nullable Clock defaults) {
    }

    record Clock(@Nullable Integer acknowledgeWorkingDays, @Nullable Integer answerWorkingDays) {
    }
}
