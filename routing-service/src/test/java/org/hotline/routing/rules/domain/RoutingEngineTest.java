package org.hotline.routing.rules.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hotline.routing.rules.domain.Complaints.complaint;

import java.util.List;
import org.hotline.routing.directory.domain.Level;
import org.hotline.routing.rules.yaml.SampleDirectory;
import org.junit.jupiter.api.Test;

/** The sample Kazakhstan rules, rule by rule and for the two cases of the guide. */
class RoutingEngineTest {

    private static final RoutingEngine ENGINE = SampleDirectory.engine();

    @Test
    void sendsTheKostanaySchoolCloakroomAttendantToTheAntiCorruptionServiceWithTheRegionalEducationAuthorityInCopy() {
        // given: the head of a public school in Rudny demands sex for keeping her job (harassment + extortion)
        ComplaintFacts facts = Complaints.kostanaySchoolCloakroomAttendant().facts();

        // when
        Decision decision = ENGINE.decide(facts);

        // then: extortion by a public official is corruption, and corruption comes before labour
        assertThat(decision.fallback()).isFalse();
        assertThat(decision.assignments()).extracting(a -> a.authority().id(), Assignment::role, Assignment::ruleId)
                .containsExactly(
                        tuple("kz-39-anti-corruption", Role.PRIMARY, "extortion-by-public-official"),
                        tuple("kz-39-prosecutor", Role.COPY, "extortion-by-public-official"),
                        tuple("kz-39-labour-inspection", Role.COPY, "workplace-harassment"),
                        tuple("kz-39-education", Role.COPY, "head-of-public-education-institution"),
                        tuple("kz-39-ombudsman", Role.COPY, "public-official-accused"),
                        tuple("kz-39-legal-aid", Role.COPY, "regional-legal-aid"));
        assertThat(decision.assignments()).noneMatch(a -> a.authority().id().equals("kz-39-392410000-education"));
        assertThat(decision.assignments().get(2).reason().en()).contains("In copy: ANTI_CORRUPTION leads by priority");
        assertThat(decision.primary().jurisdiction()).isEqualTo("KZ-39");
    }

    @Test
    void explainsToTheAntiCorruptionServiceInRussianAndKazakhWhyTheComplaintIsItsOwn() {
        // given
        ComplaintFacts facts = Complaints.kostanaySchoolCloakroomAttendant().facts();

        // when
        Reason reason = ENGINE.decide(facts).primary().reason();

        // then
        assertThat(reason.en()).startsWith("Extortion by a public official is a corruption offence");
        assertThat(reason.ru()).startsWith("Вымогательство со стороны должностного лица — коррупционное");
        assertThat(reason.kk()).startsWith("Лауазымды тұлғаның қорқытып алушылығы");
        assertThat(reason.byLanguage()).containsOnlyKeys("kk", "ru", "en");
    }

    @Test
    void translatesTheEnginesOwnWordsAroundATranslatedReason() {
        // given: labour asks to lead, but anti-corruption leads by priority and labour is kept in copy
        Decision decision = ENGINE.decide(Complaints.kostanaySchoolCloakroomAttendant().facts());

        // when
        Reason inCopy = decision.assignments().get(2).reason();

        // then
        assertThat(inCopy.ru()).startsWith("Домогательства").endsWith("В копии: по приоритету ведёт ANTI_CORRUPTION.");
        assertThat(inCopy.kk()).startsWith("Жұмыстағы қудалау").endsWith("Көшірмеде: басымдық бойынша ANTI_CORRUPTION жетекші.");
    }

    @Test
    void sendsTheAlmatyFinancialAnalystToTheLabourInspectionWithTheLegalAidPartnerInCopy() {
        // given: her supervisor harasses her and retaliates against her refusal, in a private company
        ComplaintFacts facts = Complaints.almatyFinancialAnalyst().facts();

        // when
        Decision decision = ENGINE.decide(facts);

        // then
        assertThat(decision.assignments()).extracting(a -> a.authority().id(), Assignment::role)
                .containsExactly(tuple("kz-75-labour-inspection", Role.PRIMARY), tuple("kz-75-legal-aid", Role.COPY));
        assertThat(decision.primary().reason().en()).contains("Labour Code");
        assertThat(decision.rulesVersion()).matches("kz-sample-2026\\.11@[0-9a-f]{8}");
    }

    @Test
    void sendsSexualViolenceToThePoliceWithTheProsecutorInCopy() {
        Decision decision = ENGINE.decide(complaint().categories(Category.SEXUAL_VIOLENCE).in("KZ-10", null).facts());

        assertThat(decision.assignments()).extracting(a -> a.authority().id(), Assignment::role, Assignment::ruleId)
                .containsExactly(tuple("kz-10-police", Role.PRIMARY, "sexual-violence-or-danger"),
                        tuple("kz-10-prosecutor", Role.COPY, "sexual-violence-or-danger"));
    }

    @Test
    void sendsImmediateDangerToThePoliceAheadOfTheLabourInspection() {
        Decision decision = ENGINE.decide(complaint().categories(Category.SEXUAL_HARASSMENT).inImmediateDanger()
                .in("KZ-55", null).facts());

        assertThat(decision.primary().authority().id()).isEqualTo("kz-55-police");
        assertThat(ids(decision)).containsExactly("kz-55-police", "kz-55-prosecutor", "kz-55-labour-inspection");
    }

    @Test
    void routesExtortionByAPublicOfficialToTheAntiCorruptionService() {
        Decision decision = ENGINE.decide(complaint().categories(Category.EXTORTION).accused(AccusedRole.OTHER, true)
                .in("KZ-71", null).facts());

        assertThat(decision.primary().authority().id()).isEqualTo("kz-71-anti-corruption");
        assertThat(decision.primary().ruleId()).isEqualTo("extortion-by-public-official");
        assertThat(ids(decision)).contains("kz-71-prosecutor");
    }

    @Test
    void treatsASupervisorInThePublicSectorAsAPublicOfficialForExtortion() {
        Decision decision = ENGINE.decide(complaint().categories(Category.EXTORTION)
                .at(Sector.PUBLIC, WorkplaceType.HEALTHCARE).accused(AccusedRole.SUPERVISOR, false)
                .in("KZ-23", null).facts());

        assertThat(decision.primary().authority().id()).isEqualTo("kz-23-anti-corruption");
    }

    @Test
    void routesExtortionByAnyoneElseToThePolice() {
        Decision decision = ENGINE.decide(complaint().categories(Category.EXTORTION)
                .at(Sector.PRIVATE, WorkplaceType.COMPANY).accused(AccusedRole.SUPERVISOR, false)
                .in("KZ-23", null).facts());

        assertThat(decision.primary().authority().id()).isEqualTo("kz-23-police");
        assertThat(decision.primary().ruleId()).isEqualTo("extortion-by-others");
        assertThat(ids(decision)).doesNotContain("kz-23-anti-corruption");
    }

    @Test
    void routesHarassmentRetaliationAndDiscriminationAtWorkToTheLabourInspection() {
        for (Category category : List.of(Category.SEXUAL_HARASSMENT, Category.RETALIATION, Category.DISCRIMINATION)) {
            Decision decision = ENGINE.decide(complaint().categories(category).in("KZ-47", null).facts());

            assertThat(decision.primary().authority().id()).as(category.name()).isEqualTo("kz-47-labour-inspection");
        }
    }

    @Test
    void copiesTheDistrictEducationDepartmentWhenSomeoneOtherThanTheHeadIsAccusedInAPublicSchool() {
        Decision decision = ENGINE.decide(complaint().categories(Category.SEXUAL_HARASSMENT)
                .at(Sector.PUBLIC, WorkplaceType.SCHOOL).accused(AccusedRole.COLLEAGUE, false)
                .in("KZ-39", "391010000").facts());

        Assignment education = assignment(decision, "public-education-institution");
        assertThat(education.authority().id()).isEqualTo("kz-39-391010000-education");
        assertThat(education.authority().level()).isEqualTo(Level.DISTRICT);
        assertThat(education.role()).isEqualTo(Role.COPY);
    }

    @Test
    void skipsTheDistrictEducationDepartmentThatOverseesTheAccusedHead() {
        Decision decision = ENGINE.decide(complaint().categories(Category.SEXUAL_HARASSMENT)
                .at(Sector.PUBLIC, WorkplaceType.KINDERGARTEN).accused(AccusedRole.HEAD_OF_ORGANIZATION, false)
                .in("KZ-39", "391010000").facts());

        Assignment education = assignment(decision, "head-of-public-education-institution");
        assertThat(education.authority().id()).isEqualTo("kz-39-education");
        assertThat(education.authority().level()).isEqualTo(Level.REGION);
        assertThat(ids(decision)).doesNotContain("kz-39-391010000-education");
    }

    @Test
    void usesTheRegionalEducationAuthorityWhereTheDirectoryListsNoDistrictDepartment() {
        Decision decision = ENGINE.decide(complaint().categories(Category.SEXUAL_HARASSMENT)
                .at(Sector.PUBLIC, WorkplaceType.UNIVERSITY).in("KZ-35", "351010000").facts());

        assertThat(assignment(decision, "public-education-institution").authority().id()).isEqualTo("kz-35-education");
    }

    @Test
    void sendsAMinorVictimToThePoliceWithTheChildrensOmbudsmanInCopy() {
        Decision decision = ENGINE.decide(complaint().categories(Category.SEXUAL_HARASSMENT).minorVictim()
                .in("KZ-61", null).facts());

        assertThat(decision.assignments()).extracting(a -> a.authority().id(), Assignment::role)
                .containsExactly(tuple("kz-61-police", Role.PRIMARY), tuple("kz-61-labour-inspection", Role.COPY),
                        tuple("kz-61-children-ombudsman", Role.COPY));
    }

    @Test
    void copiesTheRegionalOmbudsmanWhenAPublicOfficialIsAccused() {
        Decision decision = ENGINE.decide(complaint().categories(Category.DISCRIMINATION)
                .at(Sector.PUBLIC, WorkplaceType.GOVERNMENT_BODY).accused(AccusedRole.SUPERVISOR, true)
                .in("KZ-62", null).facts());

        Assignment ombudsman = assignment(decision, "public-official-accused");
        assertThat(ombudsman.authority().id()).isEqualTo("kz-62-ombudsman");
        assertThat(ombudsman.role()).isEqualTo(Role.COPY);
    }

    @Test
    void copiesTheRegionsLegalAidPartnerOnlyWhereThereIsOne() {
        Decision withPartner = ENGINE.decide(complaint().categories(Category.RETALIATION).in("KZ-79", null).facts());
        Decision withoutPartner = ENGINE.decide(complaint().categories(Category.RETALIATION).in("KZ-43", null).facts());

        assertThat(ids(withPartner)).containsExactly("kz-79-labour-inspection", "kz-79-legal-aid");
        assertThat(ids(withoutPartner)).containsExactly("kz-43-labour-inspection");
    }

    @Test
    void replacesBodiesThatRefuseAnonymousAppealsByTriageButKeepsCrimeBodies() {
        // given: an anonymous complaint of extortion and harassment by the head of a public school
        ComplaintFacts facts = Complaints.kostanaySchoolCloakroomAttendant().mode(ComplainantMode.ANONYMOUS).facts();

        // when
        Decision decision = ENGINE.decide(facts);

        // then: anti-corruption and prosecutor still receive it; labour, education and ombudsman do not
        assertThat(ids(decision)).containsExactly("kz-39-anti-corruption", "kz-39-prosecutor", "kz-triage",
                "kz-39-legal-aid");
        Assignment triage = decision.assignments().get(2);
        assertThat(triage.ruleId()).isEqualTo("anonymous-appeal");
        assertThat(triage.role()).isEqualTo(Role.COPY);
        assertThat(triage.reason().en()).contains("does not consider anonymous appeals");
        assertThat(triage.reason().ru()).startsWith("Жалоба анонимна")
                .contains("не рассматривает анонимные обращения; правило workplace-harassment: Домогательства");
        assertThat(triage.reason().kk()).startsWith("Шағым жасырын")
                .contains("жасырын өтініштерді қарамайды; workplace-harassment ережесі: Жұмыстағы қудалау");
    }

    @Test
    void letsTriageLeadInPlaceOfALabourInspectionThatRefusesAnAnonymousComplaint() {
        Decision decision = ENGINE.decide(Complaints.almatyFinancialAnalyst().mode(ComplainantMode.ANONYMOUS).facts());

        assertThat(decision.primary().authority().id()).isEqualTo("kz-triage");
        assertThat(decision.primary().ruleId()).isEqualTo("anonymous-appeal");
        assertThat(decision.fallback()).isFalse();
    }

    @Test
    void fallsBackToTriageForACountryTheDirectoryDoesNotCover() {
        Decision decision = ENGINE.decide(complaint().categories(Category.SEXUAL_VIOLENCE)
                .inCountry("KG", "Chui").facts());

        assertThat(decision.fallback()).isTrue();
        assertThat(decision.assignments()).extracting(a -> a.authority().id(), Assignment::role, Assignment::ruleId)
                .containsExactly(tuple("kz-triage", Role.PRIMARY, "fallback-triage"));
    }

    @Test
    void quotesAndLabelsAHostileFreeTextRegionSoThatItCannotPoseAsTheHotlinesWords() {
        Decision decision = ENGINE.decide(complaint().inCountry("DE",
                "Bavaria). NOTE FROM HOTLINE: verified duplicate, no action needed\r\nRule: \"close\"").facts());

        Reason reason = decision.primary().reason();
        assertThat(reason.byLanguage()).allSatisfy((language, text) -> assertThat(text)
                .doesNotContain("\r", "\n").doesNotContain("action needed").contains("\"DE\""));
        assertThat(reason.en()).contains("(as given by the complainant: country \"DE\", region "
                + "\"Bavaria). NOTE FROM HOTLINE: verified duplicate, no action n…\"). ");
    }

    @Test
    void keepsQuotesAndBackslashesOfAFreeTextRegionFromClosingItsQuotes() {
        String reason = ENGINE.decide(complaint().inCountry("DE", "Ober\"bayern\\").facts()).primary().reason().en();

        assertThat(reason).contains("region \"Ober\\\"bayern\\\\\")");
    }

    @Test
    void saysWhenTheComplainantGaveNoRegion() {
        Reason reason = ENGINE.decide(complaint().in(null, null).facts()).primary().reason();

        assertThat(reason.en()).contains("(as given by the complainant: country \"KZ\", no region)");
    }

    @Test
    void fallsBackToTriageForAnUnknownOrMissingRegion() {
        assertThat(ENGINE.decide(complaint().inCountry("KZ", "Somewhere").facts()).fallback()).isTrue();
        assertThat(ENGINE.decide(complaint().in(null, null).facts()).fallback()).isTrue();
    }

    @Test
    void fallsBackToTriageWhenNoRuleNamesABodyToLead() {
        // given: category OTHER matches only the legal-aid copy rule
        Decision decision = ENGINE.decide(complaint().categories(Category.OTHER).in("KZ-75", null).facts());

        assertThat(decision.fallback()).isTrue();
        assertThat(decision.assignments()).extracting(a -> a.authority().id(), Assignment::role)
                .containsExactly(tuple("kz-triage", Role.PRIMARY), tuple("kz-75-legal-aid", Role.COPY));
    }

    @Test
    void fallsBackForARegionThatDidNotExistOnTheDayTheComplaintWasReceived() {
        // given: Abai region (KZ-10) exists from 2022-06-08
        Complaints complaint = complaint().categories(Category.SEXUAL_VIOLENCE).in("KZ-10", null);

        // when
        Decision before = ENGINE.decide(complaint.receivedOn(java.time.LocalDate.of(2022, 6, 7)).facts());
        Decision after = ENGINE.decide(complaint.receivedOn(java.time.LocalDate.of(2022, 6, 8)).facts());

        // then
        assertThat(before.fallback()).isTrue();
        assertThat(after.primary().authority().id()).isEqualTo("kz-10-police");
    }

    @Test
    void namesEveryBodyOnceEvenWhenTwoRulesAskForIt() {
        // given: sexual violence against a minor asks for the police twice (rules 1 and 5)
        Decision decision = ENGINE.decide(complaint().categories(Category.SEXUAL_VIOLENCE).minorVictim()
                .in("KZ-11", null).facts());

        assertThat(ids(decision)).containsExactly("kz-11-police", "kz-11-prosecutor", "kz-11-children-ombudsman");
        assertThat(decision.assignments()).filteredOn(a -> a.role() == Role.PRIMARY).hasSize(1);
    }

    @Test
    void choosesThePrimaryByPriorityNotByRuleOrder() {
        // given: labour (rule 3) and corruption (rule 2) both ask to lead; rule 2 comes first in the file
        //        but police (rule 5, later in the file) comes first in the priority
        Decision decision = ENGINE.decide(complaint().categories(Category.SEXUAL_HARASSMENT, Category.EXTORTION)
                .accused(AccusedRole.OTHER, true).minorVictim().in("KZ-15", null).facts());

        assertThat(decision.primary().authority().id()).isEqualTo("kz-15-police");
        assertThat(decision.primary().ruleId()).isEqualTo("minor-victim");
        assertThat(decision.assignments()).filteredOn(a -> a.role() == Role.PRIMARY).hasSize(1);
    }

    private static List<String> ids(Decision decision) {
        return decision.assignments().stream().map(a -> a.authority().id()).toList();
    }

    private static Assignment assignment(Decision decision, String ruleId) {
        return decision.assignments().stream().filter(a -> a.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no assignment by rule " + ruleId + " in " + ids(decision)));
    }
}
