package org.hotline.notification.dispatch.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LadderPlannerTest {

    private final LadderPlanner planner = new LadderPlanner(Complaints.NGO, LadderSteps.DIRECTORY,
            Complaints.PLACES, ZoneId.of("Asia/Almaty"), "notification.test");

    @Test
    void remindsTheSilentBodyAtItsAddressInItsLanguage() {
        // when
        List<PlannedMessage> messages = planner.plan(LadderSteps.reminder());

        // then
        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.recipientType()).isEqualTo(RecipientType.AUTHORITY);
            assertThat(message.authorityId()).isEqualTo(LadderSteps.DISTRICT);
            assertThat(message.to()).isEqualTo("district.education@authority.example");
            assertThat(message.language()).isEqualTo(Language.KK);
            assertThat(message.template()).isEqualTo(LadderPlanner.AUTHORITY_REMINDER);
            assertThat(message.model()).containsEntry("authorityName", "Қостанай ауданының білім бөлімі")
                    .containsEntry("acknowledgeBy", "03.12.2026")
                    // 09:12 UTC is 14:12 in Almaty (UTC+5 since March 2024), written as Kazakh readers write it
                    .containsEntry("notifiedAt", "30.11.2026, 14:12");
        });
    }

    @Test
    void escalatesToTheRungInItsLanguageAndReportsToTheCaseworkers() {
        // when
        List<PlannedMessage> messages = planner.plan(LadderSteps.escalation(LadderSteps.REGION));

        // then
        assertThat(messages).extracting(PlannedMessage::template)
                .containsExactly(LadderPlanner.AUTHORITY_ESCALATION, LadderPlanner.CASEWORKER_ESCALATION);
        PlannedMessage rung = messages.get(0);
        assertThat(rung.to()).isEqualTo("region.education@authority.example");
        assertThat(rung.authorityId()).isEqualTo(LadderSteps.REGION);
        assertThat(rung.language()).isEqualTo(Language.RU);
        assertThat(rung.model()).containsEntry("silentAuthorityName", "Отдел образования Костанайского района")
                .containsEntry("answerBy", "15 января 2027").doesNotContainKey("skippedRungs");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) rung.model().get("history");
        assertThat(history).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("name", "Отдел образования Костанайского района")
                .containsEntry("remindedAt", "4 декабря 2026, 05:00")
                .containsEntry("acknowledgedAt", null));
        PlannedMessage caseworkers = messages.get(1);
        assertThat(caseworkers.recipientType()).isEqualTo(RecipientType.CASEWORKER);
        assertThat(caseworkers.authorityId()).isNull();
        assertThat(caseworkers.to()).isEqualTo(Complaints.NGO.caseworkerMailbox());
        assertThat(caseworkers.model()).containsKey("skippedRungs").containsEntry("toAuthorityId", LadderSteps.REGION);
    }

    @Test
    void tellsTheRungAndTheCaseworkersThatTheCaseworkersDidNotWaitWhyAndForWhichDeadline() {
        // when
        List<PlannedMessage> early = planner.plan(LadderSteps.caseworkerDecision(LadderSteps.REGION));
        List<PlannedMessage> atDeadline = planner.plan(LadderSteps.escalation(LadderSteps.REGION));

        // then: both letters are in Russian here, the rung's language and the caseworkers'
        assertThat(early).extracting(PlannedMessage::template)
                .containsExactly(LadderPlanner.AUTHORITY_ESCALATION, LadderPlanner.CASEWORKER_ESCALATION);
        assertThat(early).allSatisfy(message -> assertThat(message.model()).containsEntry("caseworkerDecision", true)
                .containsEntry("decisionNote", LadderSteps.DECISION_NOTE)
                .containsEntry("silentAnswerBy", "22 декабря 2026")
                // 06:20 UTC is 11:20 in Almaty
                .containsEntry("decisionRequestedAt", "7 декабря 2026, 11:20"));
        assertThat(atDeadline).allSatisfy(message -> assertThat(message.model())
                .containsEntry("caseworkerDecision", false).containsEntry("decisionNote", null)
                .containsEntry("decisionRequestedAt", null));
    }

    @Test
    void theCaseworkersNoteIsOneLineOfAtMostFiveHundredCharacters() {
        // given: a note that would add a line, and longer than the schema allows
        LadderStep.Escalation step = LadderSteps.caseworkerDecision(LadderSteps.REGION);
        LadderStep.Escalation odd = new LadderStep.Escalation(step.eventId(), step.complaintId(), step.reference(),
                step.occurredAt(), step.fromAuthorityId(), step.toAuthorityId(), step.rung(), step.lastRung(),
                step.reason(), new LadderStep.Decision("Отказ\r\nBcc: x@mail.example " + "а".repeat(600),
                        step.decision().requestedAt()), step.acknowledgeBy(), step.answerBy(), step.skippedRungs(),
                step.history(), step.summary());

        // when
        String note = (String) planner.plan(odd).get(0).model().get("decisionNote");

        // then
        assertThat(note).startsWith("Отказ  Bcc: x@mail.example ").doesNotContain("\r", "\n").endsWith(" […]")
                .hasSize(500 + " […]".length());
    }

    @Test
    void sendsTheDossierToTheCaseworkersWhenTheLadderIsExhausted() {
        // when
        List<PlannedMessage> messages = planner.plan(LadderSteps.exhausted());

        // then
        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.template()).isEqualTo(LadderPlanner.CASEWORKER_DOSSIER);
            assertThat(message.to()).isEqualTo(Complaints.NGO.caseworkerMailbox());
            assertThat((List<?>) message.model().get("history")).hasSize(2);
            assertThat(message.model()).containsEntry("lastAuthorityName", "Прокуратура Костанайской области");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDossierStatesTheFactsAndEveryDatedStepInTheOrderItHappened() {
        // when
        PlannedMessage dossier = planner.plan(LadderSteps.exhausted()).get(0);

        // then
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) dossier.model().get("timeline");
        assertThat(timeline).extracting(step -> step.get("kind") + " " + step.get("at")).containsExactly(
                "TOLD 30 ноября 2026, 14:12", "REMINDED 4 декабря 2026, 05:00",
                "ESCALATED_PAST 23 декабря 2026, 05:00", "TOLD 23 декабря 2026, 05:01",
                "ACKNOWLEDGED 24 декабря 2026, 10:00", "ESCALATED_PAST 16 января 2027, 05:00");
        assertThat(timeline.get(4)).containsEntry("registrationNumber", "ОБ-2026-4471");
        assertThat(timeline.get(0)).containsEntry("acknowledgeBy", "3 декабря 2026")
                .containsEntry("answerBy", "22 декабря 2026");
        assertThat((Map<String, Object>) dossier.model().get("summary")).containsEntry("region", "Костанайская область")
                .containsEntry("victimMinor", true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSecondDossierOfAComplaintSaysTheFirstLadderEndedNotThatItWentHigher() {
        // given the district's ladder ended earlier; now the region's ends
        LadderStep.Exhausted first = LadderSteps.exhausted(LadderSteps.REGION);
        LadderStep.HistoryEntry district = first.history().get(0);
        LadderStep.Exhausted second = new LadderStep.Exhausted(first.eventId(), first.complaintId(), first.reference(),
                first.occurredAt(), LadderSteps.REGION, List.of(), List.of(new LadderStep.HistoryEntry(
                        district.authorityId(), district.role(), district.notifiedAt(), false, district.acknowledgeBy(),
                        district.answerBy(), district.remindedAt(), null, null, null, district.escalatedAt(), true),
                        first.history().get(1)), first.summary());

        // when
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) planner.plan(second).get(0).model()
                .get("timeline");

        // then
        assertThat(timeline).extracting(step -> step.get("kind") + " " + step.get("name"))
                .contains("LADDER_ENDED Отдел образования Костанайского района")
                .doesNotContain("ESCALATED_PAST Отдел образования Костанайского района");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDossierSaysWhichBodiesTheCaseworkersDidNotWaitForNotThatTheyMissedTheirDeadline() {
        // given the caseworkers decided not to wait for the district, nor later for the region, the last
        LadderStep.Exhausted exhausted = LadderSteps.exhausted(LadderSteps.REGION);
        List<LadderStep.HistoryEntry> decided = exhausted.history().stream().map(body -> new LadderStep.HistoryEntry(
                body.authorityId(), body.role(), body.notifiedAt(), body.noticeFailed(), body.acknowledgeBy(),
                body.answerBy(), body.remindedAt(), body.acknowledgedAt(), body.registrationNumber(),
                body.answeredAt(), body.escalatedAt(), body.ladderEnded(), LadderStep.Escalation.CASEWORKER_DECISION))
                .toList();
        LadderStep.Exhausted early = new LadderStep.Exhausted(exhausted.eventId(), exhausted.complaintId(),
                exhausted.reference(), exhausted.occurredAt(), exhausted.authorityId(), List.of(), decided,
                exhausted.summary());

        // when
        PlannedMessage dossier = planner.plan(early).get(0);

        // then each step past a body says so, and so does the sentence on the last
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) dossier.model().get("timeline");
        assertThat(timeline).extracting(step -> (String) step.get("kind"))
                .contains("ESCALATED_PAST_EARLY", "LADDER_ENDED_EARLY")
                .doesNotContain("ESCALATED_PAST", "LADDER_ENDED");
        assertThat(dossier.model()).containsEntry("lastEarly", true);
        assertThat(planner.plan(exhausted).get(0).model()).containsEntry("lastEarly", false);
    }

    @Test
    void eachExhaustedLadderOfAComplaintGetsItsOwnDossierAndTheSameOneTwiceOnlyOne() {
        // when the ladders of two primary bodies of one complaint end, and one of them is read twice
        List<String> prosecutors = ids(planner.plan(LadderSteps.exhausted(LadderSteps.PROSECUTOR)));
        List<String> again = ids(planner.plan(LadderSteps.exhausted(LadderSteps.PROSECUTOR)));
        List<String> region = ids(planner.plan(LadderSteps.exhausted(LadderSteps.REGION)));

        // then
        assertThat(again).isEqualTo(prosecutors);
        assertThat(region).doesNotContainAnyElementsOf(prosecutors);
    }

    @Test
    void theSameStepAlwaysHasTheSameMessageIdsAndEachLetterItsOwn() {
        // when
        List<String> first = ids(planner.plan(LadderSteps.escalation(LadderSteps.REGION)));
        List<String> again = ids(planner.plan(LadderSteps.escalation(LadderSteps.REGION)));
        List<String> nextRung = ids(planner.plan(LadderSteps.escalation(LadderSteps.PROSECUTOR)));
        List<String> reminder = ids(planner.plan(LadderSteps.reminder()));

        // then
        assertThat(again).isEqualTo(first);
        assertThat(first).doesNotContainAnyElementsOf(nextRung).doesNotContainAnyElementsOf(reminder);
        assertThat(first.get(0)).endsWith("@notification.test");
    }

    @Test
    void refusesAStepWhoseBodyTheDirectoryDoesNotList() {
        assertThatThrownBy(() -> planner.plan(LadderSteps.escalation("kz-99-education")))
                .isInstanceOf(LadderPlanner.UnknownAuthorityException.class)
                .hasMessageContaining("kz-99-education");
    }

    @Test
    void namesABodyNoLongerInTheDirectoryByItsIdInReports() {
        // given: the silent body was removed from the directory since
        LadderPlanner withoutDistrict = new LadderPlanner(Complaints.NGO, new Directory(List.of(
                LadderSteps.DIRECTORY.find(LadderSteps.REGION).orElseThrow())), Complaints.PLACES,
                ZoneId.of("Asia/Almaty"), "t");

        // when
        List<PlannedMessage> messages = withoutDistrict.plan(LadderSteps.escalation(LadderSteps.REGION));

        // then
        assertThat(messages.get(0).model()).containsEntry("silentAuthorityName", LadderSteps.DISTRICT);
    }

    private static List<String> ids(List<PlannedMessage> messages) {
        return messages.stream().map(PlannedMessage::messageId).toList();
    }

    @Test
    void tellsAComplainantWhoConsentedInTheirLanguageOncePerBodyAndNews() {
        // when
        List<PlannedMessage> messages = planner.plan(LadderSteps.complainantUpdate(
                LadderStep.ComplainantUpdate.ACKNOWLEDGED, Language.EN, true, ComplainantMode.CONFIDENTIAL));
        List<PlannedMessage> answered = planner.plan(LadderSteps.complainantUpdate(
                LadderStep.ComplainantUpdate.ANSWERED, Language.EN, true, ComplainantMode.CONFIDENTIAL));

        // then
        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.recipientType()).isEqualTo(RecipientType.COMPLAINANT);
            assertThat(message.authorityId()).isNull();
            assertThat(message.to()).isEqualTo("aigul@mail.example");
            assertThat(message.language()).isEqualTo(Language.EN);
            assertThat(message.template()).isEqualTo(LadderPlanner.COMPLAINANT_UPDATE);
            // the name the case service sent has no English form: the directory's English name stands in
            assertThat(message.model()).containsEntry("authorityName", "Kostanay district education department")
                    .containsEntry("registrationNumber", "ЖТ-2026/01234").containsEntry("date", "December 2, 2026")
                    .containsEntry("complainantName", "Айгуль");
        });
        assertThat(answered).singleElement().satisfies(message -> {
            assertThat(message.model()).containsEntry("outcome", "forwarded to another body");
            assertThat(message.messageId()).isNotEqualTo(messages.get(0).messageId());
        });
    }

    @Test
    void tellsTheComplainantThatTheCaseworkersDidNotWaitButNeverTheirNote() {
        // when
        PlannedMessage early = planner.plan(LadderSteps.escalatedOnCaseworkersDecision(Language.RU)).get(0);
        PlannedMessage atDeadline = planner.plan(LadderSteps.complainantUpdate(LadderStep.ComplainantUpdate.ESCALATED,
                Language.RU, true, ComplainantMode.CONFIDENTIAL)).get(0);

        // then
        assertThat(early.model()).containsEntry("caseworkerDecision", true)
                .containsEntry("answerBy", "22 декабря 2026").containsEntry("toAnswerBy", "4 января 2027")
                .doesNotContainKeys("decisionNote", "decisionRequestedAt")
                .doesNotContainValue(LadderSteps.DECISION_NOTE);
        assertThat(atDeadline.model()).containsEntry("caseworkerDecision", false);
    }

    @Test
    void tellsNobodyWithoutConsentOrOfAnAnonymousComplaint() {
        assertThat(planner.plan(LadderSteps.complainantUpdate(LadderStep.ComplainantUpdate.ACKNOWLEDGED,
                Language.RU, false, ComplainantMode.CONFIDENTIAL))).isEmpty();
        assertThat(planner.plan(LadderSteps.complainantUpdate(LadderStep.ComplainantUpdate.ACKNOWLEDGED,
                Language.RU, true, ComplainantMode.ANONYMOUS))).isEmpty();
    }

    @Test
    void tellsNothingToAnAddressWhoseAcknowledgementTheIntakeWithheld() {
        LadderStep.ComplainantUpdate step = LadderSteps.complainantUpdate(LadderStep.ComplainantUpdate.ACKNOWLEDGED,
                Language.RU, true, ComplainantMode.CONFIDENTIAL);
        RoutedComplaint.Complainant who = step.complainant();
        RoutedComplaint.Complainant capped = new RoutedComplaint.Complainant(who.name(), who.email(), who.phone(),
                who.preferredLanguage(), true, who.trackingCode(), true);

        assertThat(planner.plan(step)).isNotEmpty();
        assertThat(planner.plan(LadderSteps.withComplainant(step, capped))).isEmpty();
    }
}
