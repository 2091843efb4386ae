package org.hotline.notification.dispatch.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.notification.dispatch.mail.ThymeleafMailRendererTest.attachments;
import static org.hotline.notification.dispatch.mail.ThymeleafMailRendererTest.parse;
import static org.hotline.notification.dispatch.mail.ThymeleafMailRendererTest.part;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.hotline.notification.acknowledgement.domain.AcknowledgementLinks;
import org.hotline.notification.acknowledgement.domain.LinkSigner;
import org.hotline.notification.dispatch.domain.Authority;
import org.hotline.notification.dispatch.domain.ComplainantMode;
import org.hotline.notification.dispatch.domain.Complaints;
import org.hotline.notification.dispatch.domain.Directory;
import org.hotline.notification.dispatch.domain.LadderPlanner;
import org.hotline.notification.dispatch.domain.LadderStep;
import org.hotline.notification.dispatch.domain.LadderSteps;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.NgoContact;
import org.hotline.notification.dispatch.domain.PlannedMessage;
import org.hotline.notification.dispatch.domain.Vocabulary;
import org.hotline.notification.dispatch.support.RecordingMetrics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The reminder, escalation and dossier letters render in every language they are shipped in. */
class LadderLettersRenderingTest {

    private static final Instant NOW = Instant.parse("2026-12-23T06:00:00Z");
    /** How the rung's letter says the body below let its deadline pass, as it always has. */
    private static final Map<Language, String> DEADLINE_PASSED = Map.of(
            Language.KK, "оған заңда белгіленген мерзімде жауап бермеді",
            Language.RU, "не ответил на него в установленный законом срок",
            Language.EN, "did not answer it by its legal deadline");
    private static final Map<Language, String> DEADLINE_SUBJECT = Map.of(
            Language.KK, "Сізге жіберілді: " + LadderSteps.REFERENCE + " өтінішіне «",
            Language.RU, "Передано вам: обращение " + LadderSteps.REFERENCE + " осталось без ответа от «",
            Language.EN, "Escalated to you: complaint " + LadderSteps.REFERENCE + ", unanswered by ");
    /** How the rung's letter says the caseworkers decided not to wait for the body below. */
    private static final Map<Language, String> NOT_WAITED_FOR = Map.of(
            Language.KK, "күтпей, өтінішті қазір сізге жіберу туралы шешім қабылдады",
            Language.RU, "её сотрудники решили не дожидаться ответа от",
            Language.EN, "its caseworkers decided not to wait for an answer from");
    /** How the complainant's news says the same, and how it says the deadline passed. */
    private static final Map<Language, String> COMPLAINANT_NOT_WAITED_FOR = Map.of(
            Language.KK, "күтпеу туралы шешім қабылдады",
            Language.RU, "Наши сотрудники решили не дожидаться ответа органа",
            Language.EN, "Our caseworkers decided not to wait for");
    private static final Map<Language, String> COMPLAINANT_DEADLINE_PASSED = Map.of(
            Language.KK, "дейін (қоса алғанда) жауап бермеді",
            Language.RU, "не ответил на ваше обращение",
            Language.EN, "did not answer your complaint");
    private static final LinkSigner SIGNER = new LinkSigner("k1",
            Map.of("k1", "a key of at least thirty-two bytes!!".getBytes(StandardCharsets.UTF_8)));
    private static final AcknowledgementLinks LINKS = new AcknowledgementLinks(SIGNER, "https://cases.ngo.example",
            Duration.ofDays(60), Clock.fixed(NOW, ZoneOffset.UTC));

    private final RecordingMetrics metrics = new RecordingMetrics();
    private final ThymeleafMailRenderer renderer = new ThymeleafMailRenderer(null, "notifications@ngo.example",
            metrics, Session.getInstance(new Properties()), Clock.systemUTC(), LINKS);

    @ParameterizedTest
    @EnumSource(Language.class)
    void theRungsLetterCarriesTheComplaintByCategoryTheHistoryItsDeadlinesAndItsOwnLink(Language language)
            throws Exception {
        // given: the rung writes in this language
        PlannedMessage letter = planner(language).plan(LadderSteps.escalation(LadderSteps.REGION)).get(0);

        // when
        MimeMessage message = parse(renderer.render(letter));

        // then
        assertThat(message.getHeader("Content-Language")).containsExactly(language.code());
        assertThat(message.getSubject()).contains(LadderSteps.REFERENCE);
        for (String part : List.of(part(message, "text/plain"), part(message, "text/html"))) {
            assertThat(part).contains(day("2026-12-28", language), day("2027-01-15", language),
                    at("2026-11-30T09:12:00Z", language), at("2026-12-04T00:00:05Z", language),
                    "hotline@ngo.example", "https://cases.ngo.example/ack/")
                    .doesNotContain("oversees-accused", "kz-39-akimat");
            // the summary: received at 14:10 in Almaty (09:10 UTC); the codes in the rung's words
            assertThat(part).contains(at("2026-11-30T09:10:00Z", language), Complaints.PLACES.name("KZ-39", language),
                    Vocabulary.word("SEXUAL_HARASSMENT", language), Vocabulary.word("EXTORTION", language),
                    Vocabulary.word("SCHOOL", language), Vocabulary.word("PUBLIC", language),
                    Vocabulary.word("HEAD_OF_ORGANIZATION", language))
                    .doesNotContain("SEXUAL_HARASSMENT", "HEAD_OF_ORGANIZATION", "KZ-39");
        }
        assertThat(metrics.events).noneMatch(event -> event.startsWith("fallback"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theRungsLetterOnTheCaseworkersDecisionSaysTheyDidNotWaitForTheDeadlineAndQuotesThem(Language language)
            throws Exception {
        // given: the caseworkers sent the case up before the district's deadline of 22 December
        LadderPlanner planner = planner(language);
        PlannedMessage letter = planner.plan(LadderSteps.caseworkerDecision(LadderSteps.REGION)).get(0);

        // when
        MimeMessage message = parse(renderer.render(letter));

        // then
        for (String part : List.of(part(message, "text/plain"), part(message, "text/html"))) {
            assertThat(part).contains(NOT_WAITED_FOR.get(language), day("2026-12-22", language),
                    LadderSteps.DECISION_NOTE, day("2026-12-08", language), day("2027-01-04", language),
                    "https://cases.ngo.example/ack/")
                    .doesNotContain(DEADLINE_PASSED.get(language));
        }
        assertThat(message.getSubject()).contains(LadderSteps.REFERENCE)
                .doesNotContain(DEADLINE_SUBJECT.get(language), LadderSteps.DECISION_NOTE);
        assertThat(metrics.events).noneMatch(event -> event.startsWith("fallback"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theRungsLetterAtTheDeadlineStillSaysTheBodyDidNotAnswerInTime(Language language) throws Exception {
        // given
        PlannedMessage letter = planner(language).plan(LadderSteps.escalation(LadderSteps.REGION)).get(0);

        // when
        MimeMessage message = parse(renderer.render(letter));

        // then
        for (String part : List.of(part(message, "text/plain"), part(message, "text/html"))) {
            assertThat(part).contains(DEADLINE_PASSED.get(language))
                    .doesNotContain(NOT_WAITED_FOR.get(language), LadderSteps.DECISION_NOTE);
        }
        assertThat(message.getSubject()).startsWith(DEADLINE_SUBJECT.get(language));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theComplainantIsToldTheCaseworkersDidNotWaitForTheBodyButNotWhy(Language language) throws Exception {
        // given: the complainant wrote in this language
        LadderPlanner planner = planner(Language.RU);
        MimeMessage early = parse(renderer.render(planner.plan(
                LadderSteps.escalatedOnCaseworkersDecision(language)).get(0)));
        MimeMessage atDeadline = parse(renderer.render(planner.plan(LadderSteps.complainantUpdate(
                LadderStep.ComplainantUpdate.ESCALATED, language, true, ComplainantMode.CONFIDENTIAL)).get(0)));

        // then
        for (String type : List.of("text/plain", "text/html")) {
            assertThat(part(early, type)).contains(COMPLAINANT_NOT_WAITED_FOR.get(language),
                    day("2026-12-22", language), day("2026-12-07", language), day("2027-01-04", language))
                    .doesNotContain(COMPLAINANT_DEADLINE_PASSED.get(language), LadderSteps.DECISION_NOTE, "/ack/");
            assertThat(part(atDeadline, type)).contains(COMPLAINANT_DEADLINE_PASSED.get(language))
                    .doesNotContain(COMPLAINANT_NOT_WAITED_FOR.get(language));
        }
        assertThat(metrics.events).noneMatch(event -> event.startsWith("fallback"));
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"RU", "EN"})
    void theCaseworkersReportOfTheirDecisionQuotesItWithWhenItWasAsked(Language language) throws Exception {
        // given
        NgoContact ngo = new NgoContact(Complaints.NGO.names(), Complaints.NGO.email(), Complaints.NGO.phone(),
                Complaints.NGO.caseworkerMailbox(), language, Complaints.NGO.fromAddress());
        LadderPlanner planner = new LadderPlanner(ngo, LadderSteps.DIRECTORY, Complaints.PLACES,
                ZoneId.of("Asia/Almaty"), "t");
        PlannedMessage early = planner.plan(LadderSteps.caseworkerDecision(LadderSteps.REGION)).get(1);
        PlannedMessage atDeadline = planner.plan(LadderSteps.escalation(LadderSteps.REGION)).get(1);

        // when
        MimeMessage reported = parse(renderer.render(early));
        MimeMessage reportedAtDeadline = parse(renderer.render(atDeadline));

        // then
        boolean russian = language == Language.RU;
        String notWaitedFor = russian ? "сотрудники решили не дожидаться ответа от" : "decided not to wait for";
        String deadlinePassed = russian ? "не ответил в срок" : "did not answer by its deadline";
        for (String type : List.of("text/plain", "text/html")) {
            assertThat(part(reported, type)).contains(notWaitedFor, day("2026-12-22", language),
                    LadderSteps.DECISION_NOTE, at("2026-12-07T06:20:00Z", language))
                    .doesNotContain(deadlinePassed, "/ack/");
            assertThat(part(reportedAtDeadline, type)).contains(deadlinePassed)
                    .doesNotContain(notWaitedFor, LadderSteps.DECISION_NOTE);
        }
        assertThat(reported.getSubject()).startsWith(russian ? "Досрочная эскалация: " : "Escalated early: ");
        assertThat(reportedAtDeadline.getSubject()).startsWith(russian ? "Эскалация: " : "Escalated: ");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theComplainantsNewsSaysWhatEachBodyDidWithoutALink(Language language) throws Exception {
        // given: the complainant wrote in this language
        LadderPlanner planner = planner(Language.RU);
        MimeMessage acknowledged = parse(renderer.render(planner.plan(LadderSteps.complainantUpdate(
                LadderStep.ComplainantUpdate.ACKNOWLEDGED, language, true, ComplainantMode.CONFIDENTIAL)).get(0)));
        MimeMessage answered = parse(renderer.render(planner.plan(LadderSteps.complainantUpdate(
                LadderStep.ComplainantUpdate.ANSWERED, language, true, ComplainantMode.CONFIDENTIAL)).get(0)));
        MimeMessage escalated = parse(renderer.render(planner.plan(LadderSteps.complainantUpdate(
                LadderStep.ComplainantUpdate.ESCALATED, language, true, ComplainantMode.CONFIDENTIAL)).get(0)));

        // then
        assertThat(acknowledged.getHeader("Content-Language")).containsExactly(language.code());
        assertThat(acknowledged.getSubject()).contains(LadderSteps.REFERENCE);
        for (String type : List.of("text/plain", "text/html")) {
            assertThat(part(acknowledged, type)).contains("ЖТ-2026/01234", day("2026-12-22", language),
                    day("2026-12-02", language), "Айгуль")
                    .doesNotContain("/ack/", "ABCD-EFGH-JKLM-NPQR");
            assertThat(part(answered, type)).contains("Прокуратура Костанайской области").doesNotContain("/ack/");
            assertThat(part(escalated, type)).contains(day("2026-12-22", language), day("2027-01-15", language))
                    .doesNotContain("/ack/");
        }
        assertThat(metrics.events).noneMatch(event -> event.startsWith("fallback"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theComplainantIsNotGivenTheAnswerDateOfACopy(Language language) throws Exception {
        // given: a copy (never escalated) confirmed receipt
        LadderStep.ComplainantUpdate primary = LadderSteps.complainantUpdate(LadderStep.ComplainantUpdate.ACKNOWLEDGED,
                language, true, ComplainantMode.CONFIDENTIAL);
        LadderStep.ComplainantUpdate copy = new LadderStep.ComplainantUpdate(primary.eventId(), primary.complaintId(),
                primary.reference(), primary.occurredAt(), primary.update(), primary.authorityId(),
                primary.authorityName(), primary.answerBy(), primary.registrationNumber(), primary.outcome(),
                primary.forwardedTo(), primary.reason(), primary.toAuthorityId(), primary.toAuthorityName(),
                primary.toAnswerBy(), primary.mode(), primary.complainant(), "COPY", null);

        // when
        MimeMessage message = parse(renderer.render(planner(Language.RU).plan(copy).get(0)));

        // then
        for (String type : List.of("text/plain", "text/html")) {
            assertThat(part(message, type)).contains("ЖТ-2026/01234", day("2026-12-02", language))
                    .doesNotContain(day("2026-12-22", language));
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theReminderCarriesTheMissedDeadlineAndTheLink(Language language) throws Exception {
        // given
        PlannedMessage letter = planner(language).plan(LadderSteps.reminder()).get(0);

        // when
        MimeMessage message = parse(renderer.render(letter));

        // then
        String text = part(message, "text/plain");
        assertThat(text).contains(LadderSteps.REFERENCE, day("2026-12-03", language), day("2026-12-22", language),
                "https://cases.ngo.example/ack/");
        assertThat(part(message, "text/html")).contains(day("2026-12-03", language), "https://cases.ngo.example/ack/");
        assertThat(metrics.events).noneMatch(event -> event.startsWith("fallback"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void remindsACopyToConfirmReceiptWithoutAnAnswerDateItIsNotHeldTo(Language language) throws Exception {
        // given: a copy, which is reminded but never escalated
        LadderStep.Reminder primary = LadderSteps.reminder();
        LadderStep.Reminder copy = new LadderStep.Reminder(primary.eventId(), primary.complaintId(),
                primary.reference(), primary.occurredAt(), primary.authorityId(), "COPY", primary.notifiedAt(),
                primary.acknowledgeBy(), primary.answerBy());

        // when
        MimeMessage message = parse(renderer.render(planner(language).plan(copy).get(0)));

        // then
        for (String part : List.of(part(message, "text/plain"), part(message, "text/html"))) {
            assertThat(part).contains(day("2026-12-03", language), "https://cases.ngo.example/ack/")
                    .doesNotContain(day("2026-12-22", language));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"RU", "EN"})
    void theCaseworkersGetTheEscalationAndTheDossierWithoutALink(Language language) throws Exception {
        // given
        NgoContact ngo = new NgoContact(Complaints.NGO.names(), Complaints.NGO.email(), Complaints.NGO.phone(),
                Complaints.NGO.caseworkerMailbox(), language, Complaints.NGO.fromAddress());
        LadderPlanner planner = new LadderPlanner(ngo, LadderSteps.DIRECTORY, Complaints.PLACES,
                ZoneId.of("Asia/Almaty"), "t");
        PlannedMessage escalation = planner.plan(LadderSteps.escalation(LadderSteps.REGION)).get(1);
        PlannedMessage dossier = planner.plan(LadderSteps.exhausted()).get(0);

        // when
        MimeMessage reported = parse(renderer.render(escalation));
        MimeMessage record = parse(renderer.render(dossier));

        // then
        // the rung passed over: why, in words, and the conflict's id in the ladder file as a reference after them
        assertThat(part(reported, "text/plain")).contains(LadderSteps.REGION, "kz-39-akimat",
                Vocabulary.skipReason("oversees-accused", language) + " (" + (language == Language.RU ? "правило"
                        : "rule") + " oversees-accused)").doesNotContain("/ack/");
        assertThat(part(record, "text/plain")).contains(LadderSteps.COMPLAINT.toString(), "ОБ-2026-4471",
                at("2027-01-16T00:00:05Z", language)).doesNotContain("/ack/");
        String region = Complaints.PLACES.name("KZ-39", language);
        assertThat(part(record, "text/plain")).containsSubsequence(region, at("2026-11-30T09:12:00Z", language),
                at("2026-12-04T00:00:05Z", language), at("2026-12-23T00:00:05Z", language),
                at("2026-12-24T05:00:00Z", language), "ОБ-2026-4471", at("2027-01-16T00:00:05Z", language));
        assertThat(part(record, "text/html")).contains("ОБ-2026-4471", region, at("2026-12-04T00:00:05Z", language));
        // the dossier is also a document of its own, to save and attach; the escalation report is not
        assertThat(record.getContentType()).startsWith("multipart/mixed");
        assertThat(attachments(record)).containsOnlyKeys("dossier-" + LadderSteps.REFERENCE + ".html");
        assertThat(attachments(record).get("dossier-" + LadderSteps.REFERENCE + ".html"))
                .isEqualTo(part(record, "text/html"));
        assertThat(attachments(reported)).isEmpty();
        assertThat(metrics.events).noneMatch(event -> event.startsWith("fallback"));
    }

    /** The day as the letters write it in the language. */
    private static String day(String isoDate, Language language) {
        return Vocabulary.date(LocalDate.parse(isoDate), language);
    }

    /** The moment as the letters write it in the language: in Almaty's time. */
    private static String at(String instant, Language language) {
        return Vocabulary.moment(Instant.parse(instant), language, ZoneId.of("Asia/Almaty"));
    }

    /** A directory where the rung writes in {@code language}. */
    private static LadderPlanner planner(Language language) {
        Authority region = LadderSteps.DIRECTORY.find(LadderSteps.REGION).orElseThrow();
        Authority district = LadderSteps.DIRECTORY.find(LadderSteps.DISTRICT).orElseThrow();
        Directory directory = new Directory(List.of(
                new Authority(region.id(), region.type(), region.names(), region.contactEmail(), language),
                new Authority(district.id(), district.type(), district.names(), district.contactEmail(), language)));
        return new LadderPlanner(Complaints.NGO, directory, Complaints.PLACES, ZoneId.of("Asia/Almaty"),
                "notification.test");
    }
}
