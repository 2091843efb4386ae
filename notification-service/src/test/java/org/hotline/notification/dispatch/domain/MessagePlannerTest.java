package org.hotline.notification.dispatch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagePlannerTest {

    private final MessagePlanner planner = new MessagePlanner(Complaints.NGO, Complaints.PLACES, "notification.test");

    private static List<Object> names(Object rows) {
        return ((List<?>) rows).stream().map(row -> (Object) ((Map<?, ?>) row).get("name")).toList();
    }

    @Test
    void writesToEachBodyInItsCorrespondenceLanguageAndToTheCaseworkers() {
        // given
        RoutedComplaint complaint = Complaints.complaint(ComplainantMode.CONFIDENTIAL, Complaints.aigerim(false),
                Complaints.antiCorruption(), Complaints.labourInspection());

        // when
        List<PlannedMessage> messages = planner.plan(complaint);

        // then
        assertThat(messages).extracting(PlannedMessage::recipientType, PlannedMessage::to, PlannedMessage::language,
                PlannedMessage::template).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RecipientType.AUTHORITY, "anticorruption@authority.example",
                                Language.RU, MessagePlanner.AUTHORITY_NOTICE),
                        org.assertj.core.groups.Tuple.tuple(RecipientType.AUTHORITY, "labour@authority.example",
                                Language.KK, MessagePlanner.AUTHORITY_NOTICE),
                        org.assertj.core.groups.Tuple.tuple(RecipientType.CASEWORKER, "caseworkers@ngo.example",
                                Language.RU, MessagePlanner.CASEWORKER_DECISION));
    }

    @Test
    void tellsEachBodyItsRoleTheReasonTheDeadlineAndTheOtherBodiesInItsLanguage() {
        // given
        RoutedComplaint complaint = Complaints.complaint(ComplainantMode.ANONYMOUS, Complaints.aigerim(false),
                Complaints.antiCorruption(), Complaints.labourInspection());

        // when
        List<PlannedMessage> messages = planner.plan(complaint);

        // then
        Map<String, Object> toPrimary = messages.get(0).model();
        assertThat(toPrimary).containsEntry("primary", true).containsEntry("deadlineDays", 15)
                .containsEntry("acknowledgeBy", "27 ноября 2026").containsEntry("answerBy", "15 декабря 2026")
                .containsEntry("occurredOn", "20 мая 2011")
                .containsEntry("place", "Pertsevka, Костанайская область, Республика Казахстан")
                .containsEntry("reason", "Extortion by a public official is a corruption offence.")
                .containsEntry("authorityName", "Антикоррупционная служба")
                .containsEntry("accusedRole", "Руководитель организации");
        assertThat(names(toPrimary.get("otherBodies"))).containsExactly("Трудовая инспекция");
        Map<String, Object> toCopy = messages.get(1).model();
        assertThat(toCopy).containsEntry("primary", false).containsEntry("deadlineDays", null)
                .containsEntry("acknowledgeBy", null).containsEntry("answerBy", null)
                .containsEntry("categories", List.of("Жыныстық қудалау", "Қорқытып алушылық"));
        assertThat(names(toCopy.get("otherBodies")))
                .containsExactly("Сыбайлас жемқорлыққа қарсы қызмет");
    }

    @Test
    void explainsToARussianAuthorityAndToTheCaseworkersInRussianWhyTheComplaintIsTheirs() {
        // given: the anti-corruption service corresponds in Russian, and so do the caseworkers
        RoutedComplaint complaint = Complaints.complaint(ComplainantMode.CONFIDENTIAL, Complaints.aigerim(false),
                translated(Complaints.antiCorruption()));

        // when
        List<PlannedMessage> messages = planner.plan(complaint);

        // then
        assertThat(messages.get(0).language()).isEqualTo(Language.RU);
        assertThat(messages.get(0).model()).containsEntry("reason", "Вымогательство должностного лица — коррупция.");
        assertThat(messages.get(1).template()).isEqualTo(MessagePlanner.CASEWORKER_DECISION);
        assertThat((List<?>) messages.get(1).model().get("assignments")).singleElement()
                .satisfies(row -> assertThat(((Map<?, ?>) row).get("reason"))
                        .isEqualTo("Вымогательство должностного лица — коррупция."));
    }

    @Test
    void tellsTheCaseworkersWhenTheComplaintCameInAlmatyTimeAndTheIdentityModeInWords() {
        // given: received at 05:06:40 UTC, 10:06 in Almaty; caseworkers read Russian
        RoutedComplaint complaint = Complaints.complaint(ComplainantMode.CONFIDENTIAL, Complaints.aigerim(false),
                Complaints.antiCorruption());

        // when
        Map<String, Object> toCaseworkers = planner.plan(complaint).get(1).model();

        // then
        // (the space before "г." differs between JDKs' locale data: a no-break space on Java 25, not on 17)
        assertThat((String) toCaseworkers.get("receivedAtLocal")).startsWith("24 ноября 2026").endsWith(", 10:06");
        assertThat(toCaseworkers)
                .containsEntry("modeWords", "конфиденциально: органы не узнают, кто обратился; контакт для них — НКО")
                .containsEntry("mode", "CONFIDENTIAL");
        assertThat(Vocabulary.moment(complaint.receivedAt(), Language.EN)).isEqualTo("November 24, 2026, 10:06");
        assertThat(Vocabulary.moment(complaint.receivedAt(), Language.KK)).contains("2026", "10:06")
                .doesNotContain("November", "ноября");
    }

    @Test
    void fallsBackToTheEnglishReasonWhenRoutingGaveNoneInTheMessagesLanguage() {
        // given: the labour inspection corresponds in Kazakh; one reason has only a Russian translation, the
        // other none at all
        Assignment labour = Complaints.labourInspection();
        Assignment russianOnly = new Assignment(labour.authorityId(), labour.authorityType(), labour.role(),
                labour.ruleId(), labour.reason(), labour.names(), labour.contactEmail(),
                labour.correspondenceLanguage(), labour.answerDeadlineWorkingDays(),
                Map.of(Language.RU, "Домогательства на работе — дело инспекции труда."), labour.acknowledgeBy(),
                labour.answerBy());
        RoutedComplaint withRussianOnly = Complaints.complaint(ComplainantMode.CONFIDENTIAL,
                Complaints.aigerim(false), russianOnly);
        RoutedComplaint untranslated = Complaints.complaint(ComplainantMode.CONFIDENTIAL,
                Complaints.aigerim(false), labour);

        // when
        PlannedMessage toKazakhBody = planner.plan(withRussianOnly).get(0);
        PlannedMessage toUntranslatedBody = planner.plan(untranslated).get(0);

        // then
        assertThat(toKazakhBody.language()).isEqualTo(Language.KK);
        assertThat(toKazakhBody.model()).containsEntry("reason", "Harassment at work concerns the labour inspectorate.");
        assertThat(toUntranslatedBody.model())
                .containsEntry("reason", "Harassment at work concerns the labour inspectorate.");
    }

    @Test
    void givesABodyNeitherDateWhenRoutingGaveOnlyOne() {
        // given
        Assignment half = Complaints.withDates(Complaints.antiCorruption(), LocalDate.of(2026, 11, 27), null);

        // when
        Map<String, Object> model = planner.plan(Complaints.complaint(ComplainantMode.ANONYMOUS,
                Complaints.aigerim(false), half)).get(0).model();

        // then
        assertThat(model).containsEntry("acknowledgeBy", null).containsEntry("answerBy", null)
                .containsEntry("deadlineDays", 15);
    }

    private static Assignment translated(Assignment english) {
        return new Assignment(english.authorityId(), english.authorityType(), english.role(), english.ruleId(),
                english.reason(), english.names(), english.contactEmail(), english.correspondenceLanguage(),
                english.answerDeadlineWorkingDays(), Map.of(Language.EN, english.reason(),
                        Language.RU, "Вымогательство должностного лица — коррупция.",
                        Language.KK, "Лауазымды тұлғаның қорқытып алушылығы — сыбайлас жемқорлық."),
                english.acknowledgeBy(), english.answerBy());
    }

    @Test
    void givesTheComplainantsNameAndContactToBodiesOnlyWhenTheComplaintIsOpen() {
        for (ComplainantMode mode : ComplainantMode.values()) {
            // given
            RoutedComplaint complaint = Complaints.complaint(mode, Complaints.aigerim(true),
                    Complaints.antiCorruption());

            // when
            Map<String, Object> model = planner.plan(complaint).get(0).model();

            // then
            assertThat(model).containsEntry("mode", mode.name());
            if (mode == ComplainantMode.OPEN) {
                assertThat(model).containsEntry("complainantName", "Айгерим Сапарова")
                        .containsEntry("complainantEmail", "aigerim@mail.example")
                        .containsEntry("complainantPhone", "+7 701 111 22 33");
            } else {
                assertThat(model).doesNotContainKeys("complainantName", "complainantEmail", "complainantPhone");
                assertThat(model.values()).noneMatch(value -> String.valueOf(value).contains("Айгерим")
                        || String.valueOf(value).contains("aigerim@") || String.valueOf(value).contains("701 111"));
            }
        }
    }

    @Test
    void acknowledgesToTheComplainantInTheirLanguageOnlyWithAnAddressAndConsent() {
        // given
        RoutedComplaint consenting = Complaints.complaint(ComplainantMode.CONFIDENTIAL, Complaints.aigerim(true),
                Complaints.antiCorruption());
        RoutedComplaint notConsenting = Complaints.complaint(ComplainantMode.OPEN, Complaints.aigerim(false),
                Complaints.antiCorruption());

        // when
        List<PlannedMessage> withConsent = planner.plan(consenting);
        List<PlannedMessage> withoutConsent = planner.plan(notConsenting);

        // then
        PlannedMessage acknowledgement = withConsent.stream()
                .filter(message -> message.recipientType() == RecipientType.COMPLAINANT).findFirst().orElseThrow();
        assertThat(acknowledgement.language()).isEqualTo(Language.KK);
        assertThat(acknowledgement.to()).isEqualTo("aigerim@mail.example");
        assertThat(acknowledgement.model()).containsEntry("trackingCode", "ABCD-EFGH-JKLM-NPQR");
        assertThat(names(acknowledgement.model().get("bodies")))
                .containsExactly("Сыбайлас жемқорлыққа қарсы қызмет");
        assertThat(withoutConsent).noneMatch(message -> message.recipientType() == RecipientType.COMPLAINANT);
    }

    @Test
    void neverMailsTheComplainantOfAnAnonymousComplaintEvenWithAnAddressAndConsent() {
        // given an event from before the intake refused identities in anonymous complaints
        RoutedComplaint anonymous = Complaints.complaint(ComplainantMode.ANONYMOUS, Complaints.aigerim(true),
                Complaints.antiCorruption());

        // when
        List<PlannedMessage> messages = planner.plan(anonymous);

        // then
        assertThat(messages).extracting(PlannedMessage::recipientType)
                .containsExactly(RecipientType.AUTHORITY, RecipientType.CASEWORKER);
        assertThat(messages).noneMatch(message -> message.to().contains("aigerim"));
        assertThat(messages.get(1).model()).containsEntry("acknowledged", false);
    }

    @Test
    void withholdsTheAcknowledgementWhenTheIntakeFoundTheAddressOverItsAllowanceAndTellsTheNgoItWasNotSent() {
        // given a complaint whose address had had all its acknowledgements when the intake took it
        RoutedComplaint.Complainant capped = new RoutedComplaint.Complainant("Айгерим", "aigerim@mail.example",
                null, Language.KK, true, "ABCD-EFGH-JKLM-NPQR", true);
        RoutedComplaint complaint = Complaints.complaint(ComplainantMode.CONFIDENTIAL, capped,
                Complaints.antiCorruption());

        // when
        List<PlannedMessage> messages = planner.plan(complaint);

        // then the body and the NGO are told as always, the address is not mailed
        assertThat(messages).extracting(PlannedMessage::recipientType)
                .containsExactly(RecipientType.AUTHORITY, RecipientType.CASEWORKER);
        assertThat(messages).noneMatch(message -> message.to().contains("aigerim"));
        assertThat(messages.get(1).model()).containsEntry("acknowledged", false)
                .containsEntry("acknowledgementWithheld", true);
    }

    @Test
    void givesTheSameMessageIdsToTheSameDecisionEveryTime() {
        // given
        RoutedComplaint complaint = Complaints.complaint(ComplainantMode.OPEN, Complaints.aigerim(true),
                Complaints.antiCorruption(), Complaints.labourInspection());

        // when
        List<String> first = planner.plan(complaint).stream().map(PlannedMessage::messageId).toList();
        List<String> second = planner.plan(complaint).stream().map(PlannedMessage::messageId).toList();

        // then
        assertThat(first).isEqualTo(second).doesNotHaveDuplicates().hasSize(4)
                .allMatch(id -> id.endsWith("@notification.test"));
    }

    @Test
    void neutralisesLineBreaksInEveryOneLineValue() {
        // given
        Assignment hostile = new Assignment("kz-x", "X", AssignmentRole.PRIMARY, "r",
                "reason\r\nBcc: evil@attacker.example", Map.of(Language.RU, "Body\nX-Injected: yes"),
                "body@authority.example", Language.RU, null);
        RoutedComplaint complaint = Complaints.complaint(ComplainantMode.OPEN, new RoutedComplaint.Complainant(
                "Name\r\nBcc: evil@attacker.example", "a@b.example", null, Language.RU, true, "T", false), hostile);

        // when
        Map<String, Object> model = planner.plan(complaint).get(0).model();

        // then
        assertThat(model.get("reason")).isEqualTo("reason  Bcc: evil@attacker.example");
        assertThat(model.get("authorityName")).isEqualTo("Body X-Injected: yes");
        assertThat(model.get("complainantName")).asString().doesNotContain("\r", "\n");
    }

    @Test
    void quotesTheComplainantsTextLineByLineForThePlainTextPart() {
        assertThat(MessagePlanner.quoted("The director called me in.\n\nURGENT: reply to this address"))
                .isEqualTo("> The director called me in.\n> \n> URGENT: reply to this address");
    }

    @Test
    void greetsTheComplainantByAShortNameOnly() {
        assertThat(MessagePlanner.greeting("Айгерим")).isEqualTo("Айгерим");
        assertThat(MessagePlanner.greeting("Айгерим Нұрланқызы Сейтқалиева-Жұмабаева из Костаная"))
                .as("longer than 40").isNull();
        assertThat(MessagePlanner.greeting("see www.example.com")).isNull();
        assertThat(MessagePlanner.greeting("pay to me@attacker.example")).isNull();
        assertThat(MessagePlanner.greeting("  ")).isNull();
        assertThat(MessagePlanner.greeting(null)).isNull();
    }
}
