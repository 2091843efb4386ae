package org.hotline.notification.dispatch.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.notification.acknowledgement.domain.AcknowledgementLink;
import org.hotline.notification.acknowledgement.domain.AcknowledgementLinks;
import org.hotline.notification.acknowledgement.domain.LinkPurpose;
import org.hotline.notification.acknowledgement.domain.LinkSigner;
import org.hotline.notification.dispatch.application.UndeliverableMessageException;
import org.hotline.notification.dispatch.domain.Assignment;
import org.hotline.notification.dispatch.domain.AssignmentRole;
import org.hotline.notification.dispatch.domain.ComplainantMode;
import org.hotline.notification.dispatch.domain.Complaints;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.MessagePlanner;
import org.hotline.notification.dispatch.domain.NgoContact;
import org.hotline.notification.dispatch.domain.PlannedMessage;
import org.hotline.notification.dispatch.domain.RecipientType;
import org.hotline.notification.dispatch.domain.RoutedComplaint;
import org.hotline.notification.dispatch.support.RecordingMetrics;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThymeleafMailRendererTest {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");
    private static final LinkSigner SIGNER = new LinkSigner("k1",
            Map.of("k1", "a key of at least thirty-two bytes!!".getBytes(StandardCharsets.UTF_8)));
    private static final AcknowledgementLinks LINKS = new AcknowledgementLinks(SIGNER, "https://cases.ngo.example",
            Duration.ofDays(60), Clock.fixed(NOW, ZoneOffset.UTC));
    private static final Pattern LINK = Pattern.compile("https://cases\\.ngo\\.example/ack/([A-Za-z0-9_.-]+)");

    private final RecordingMetrics metrics = new RecordingMetrics();
    private final ThymeleafMailRenderer renderer = new ThymeleafMailRenderer(null, "notifications@ngo.example",
            metrics, SESSION, Clock.systemUTC(), LINKS);
    private final MessagePlanner planner = new MessagePlanner(Complaints.NGO, Complaints.PLACES, "notification.test");

    @Test
    void rendersAnAuthorityNoticeAsPlainTextAndHtmlWithTheDeterministicMessageId() throws Exception {
        // given
        PlannedMessage planned = planner.plan(Complaints.complaint(ComplainantMode.CONFIDENTIAL,
                Complaints.aigerim(false), Complaints.antiCorruption(), Complaints.labourInspection())).get(0);

        // when
        MimeMessage message = parse(renderer.render(planned));

        // then
        assertThat(message.getMessageID()).isEqualTo("<" + planned.messageId() + ">");
        assertThat(message.getSubject()).isEqualTo(
                "Обращение HL-7F3K-9QX2-ABCD: основной адресат: для принятия мер — Линия доверия");
        assertThat(message.getAllRecipients()).extracting(Object::toString)
                .containsExactly("anticorruption@authority.example");
        assertThat(message.getHeader("Content-Language")).containsExactly("ru");
        String text = part(message, "text/plain");
        String html = part(message, "text/html");
        assertThat(text).contains("Подтвердите получение, указав регистрационный номер, не позднее 27 ноября 2026.",
                "Ответ на обращение — не позднее 15 декабря 2026.",
                "The director demanded money.", "Трудовая инспекция — копия: для сведения",
                "Связь с заявителем — только через Линия доверия", "hotline@ngo.example")
                .doesNotContain("Айгерим", "aigerim@", "Срок ответа по закону");
        assertThat(html).contains("не позднее <strong>27 ноября 2026</strong>",
                "не позднее <strong>15 декабря 2026</strong>",
                "Руководитель организации");
    }

    @Test
    void asksACopyToConfirmReceiptByItsDateButNotToAnswer() throws Exception {
        // given: the labour inspection gets a copy, in Kazakh, dated by routing
        Assignment copy = Complaints.withDates(Complaints.labourInspection(), LocalDate.of(2026, 11, 27),
                LocalDate.of(2026, 12, 15));
        PlannedMessage planned = planner.plan(Complaints.complaint(ComplainantMode.CONFIDENTIAL,
                Complaints.aigerim(false), Complaints.antiCorruption(), copy)).get(1);

        // when
        MimeMessage message = parse(renderer.render(planned));

        // then
        assertThat(part(message, "text/plain"))
                .contains("Тіркеу нөмірін көрсетіп, өтініштің алынғанын 27.11.2026 дейін (қоса алғанда) растаңыз.")
                .doesNotContain("15.12.2026", "Өтінішке жауап");
        assertThat(part(message, "text/html")).contains("<strong>27.11.2026</strong> дейін")
                .doesNotContain("15.12.2026");
    }

    @Test
    void givesABodyOfAnUndatedDecisionItsLegalDeadlineInWorkingDays() throws Exception {
        // given: a decision routed before routing dated its assignments
        PlannedMessage planned = planner.plan(Complaints.complaint(ComplainantMode.CONFIDENTIAL,
                Complaints.aigerim(false), Complaints.undated(Complaints.antiCorruption()))).get(0);

        // when
        MimeMessage message = parse(renderer.render(planned));

        // then
        assertThat(part(message, "text/plain")).contains("Срок ответа по закону: 15 рабочих дней.")
                .doesNotContain("не позднее");
        assertThat(part(message, "text/html")).contains("<span>15</span> рабочих дней")
                .doesNotContain("не позднее");
    }

    @Test
    void givesEachBodyItsOwnAcknowledgementLinkInBothPartsAndNobodyElseOne() throws Exception {
        // given
        RoutedComplaint complaint = Complaints.complaint(ComplainantMode.CONFIDENTIAL, Complaints.aigerim(true),
                Complaints.antiCorruption(),
                Complaints.withDates(Complaints.labourInspection(), LocalDate.of(2026, 11, 26),
                        LocalDate.of(2026, 12, 14)));
        List<PlannedMessage> planned = planner.plan(complaint);

        // when
        MimeMessage primary = parse(renderer.render(planned.get(0)));
        MimeMessage copy = parse(renderer.render(planned.get(1)));
        MimeMessage acknowledgement = parse(renderer.render(planned.get(2)));
        MimeMessage decision = parse(renderer.render(planned.get(3)));

        // then
        String token = token(part(primary, "text/plain"));
        assertThat(part(primary, "text/plain")).contains("Подтвердите получение и укажите ваш регистрационный номер:",
                "https://cases.ngo.example/ack/" + token);
        assertThat(part(primary, "text/html")).contains("<a href=\"https://cases.ngo.example/ack/" + token + "\">");
        assertThat(SIGNER.verify(token, LinkPurpose.ACKNOWLEDGE, NOW)).contains(new AcknowledgementLink(
                complaint.complaintId(), complaint.reference(), Complaints.antiCorruption().authorityId(),
                LinkPurpose.ACKNOWLEDGE, NOW.plus(Duration.ofDays(60))));
        assertThat(SIGNER.verify(token(part(copy, "text/html")), LinkPurpose.ACKNOWLEDGE, NOW))
                .hasValueSatisfying(link -> assertThat(link.authorityId())
                        .isEqualTo(Complaints.labourInspection().authorityId()));
        assertThat(part(copy, "text/plain")).contains("Алғаныңызды растап, тіркеу нөміріңізді енгізіңіз:");
        assertThat(part(decision, "text/plain") + part(decision, "text/html"))
                .contains("27 ноября 2026", "15 декабря 2026");
        // the complainant learns when the primary body must answer, and not the copy's dates
        assertThat(part(acknowledgement, "text/plain"))
                .contains("жауап 15.12.2026 дейін (қоса алғанда) берілуі тиіс")
                .doesNotContain("27.11.2026", "26.11.2026", "14.12.2026");
        assertThat(part(acknowledgement, "text/html")).contains("<strong>15.12.2026</strong> дейін")
                .doesNotContain("14.12.2026");
        for (MimeMessage notForABody : List.of(acknowledgement, decision)) {
            assertThat(part(notForABody, "text/plain") + part(notForABody, "text/html")).doesNotContain("/ack/");
        }
    }

    @Test
    void escapesEveryInsertedValueInHtml() throws Exception {
        // given
        Assignment body = new Assignment("kz-x", "X", AssignmentRole.PRIMARY, "rule",
                "<b onclick=\"x()\">reason</b>", Map.of(Language.EN, "<script>alert(1)</script>"),
                "body@authority.example", Language.EN, null);
        RoutedComplaint complaint = Complaints.complaint(ComplainantMode.OPEN, new RoutedComplaint.Complainant(
                "<img src=x onerror=alert(2)>", "who@mail.example", "&amp;", Language.EN, true, "T", false), body);
        PlannedMessage planned = planner.plan(complaint).get(0);

        // when
        String html = part(parse(renderer.render(planned)), "text/html");

        // then
        assertThat(html).doesNotContain("<script>", "<img", "<b onclick")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;",
                        "&lt;b onclick=&quot;x()&quot;&gt;reason&lt;/b&gt;", "&amp;amp;");
    }

    @Test
    void tellsTheCaseworkersWhenTheAcknowledgementWasWithheldRatherThanThatNoAddressWasGiven() throws Exception {
        // given a complaint whose address had had all its acknowledgements
        RoutedComplaint.Complainant capped = new RoutedComplaint.Complainant(null, "who@mail.example", null,
                Language.RU, true, "T", true);
        RoutedComplaint complaint = Complaints.complaint(ComplainantMode.CONFIDENTIAL, capped,
                Complaints.antiCorruption());
        PlannedMessage decision = planner.plan(complaint).stream()
                .filter(message -> message.recipientType() == RecipientType.CASEWORKER).findFirst().orElseThrow();

        // when
        MimeMessage message = parse(renderer.render(decision));

        // then
        assertThat(part(message, "text/plain")).contains("предельное число подтверждений")
                .doesNotContain("не оставил адрес");
        assertThat(part(message, "text/html")).contains("предельное число подтверждений");
    }

    @Test
    void keepsHeaderInjectionOutOfTheSubjectAndRefusesItInAddresses() throws Exception {
        // given
        RoutedComplaint complaint = new RoutedComplaint(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(),
                "HL-1\r\nBcc: evil@attacker.example", java.time.Instant.now(), false, "v", List.of(
                        Complaints.antiCorruption()),
                new RoutedComplaint.Incident(List.of("OTHER"), "d", null, null),
                new RoutedComplaint.Place("KZ", null, null, null), new RoutedComplaint.Workplace(null, null, null),
                new RoutedComplaint.Accused(null, false), false, false, ComplainantMode.CONFIDENTIAL,
                new RoutedComplaint.Complainant(null, "victim@mail.example\r\nBcc: evil@attacker.example", null,
                        Language.RU, true, "T", false));
        List<PlannedMessage> planned = planner.plan(complaint);

        // when
        MimeMessage notice = parse(renderer.render(planned.get(0)));

        // then
        assertThat(notice.getSubject()).doesNotContain("\r", "\n").startsWith("Обращение HL-1  Bcc:");
        assertThat(notice.getHeader("Bcc")).isNull();
        assertThatThrownBy(() -> renderer.render(planned.get(1)))
                .isInstanceOf(UndeliverableMessageException.class);
    }

    @Test
    void refusesAnythingButOnePlainAddress() {
        for (String address : List.of("a@b.example, c@d.example", "Name <a@b.example>", "a@b.example\nX: y",
                "not-an-address", "group: a@b.example;", "")) {
            assertThatThrownBy(() -> ThymeleafMailRenderer.address(address))
                    .as(address).isInstanceOf(UndeliverableMessageException.class);
        }
        assertThat(ThymeleafMailRenderer.address("caseworkers@ngo.example").getAddress())
                .isEqualTo("caseworkers@ngo.example");
    }

    @Test
    void fallsBackToRussianForAMissingKazakhTranslationAndCountsIt(@TempDir Path directory) throws Exception {
        // given an NGO's own template written in Russian only (every shipped one has all three languages)
        Path own = Files.createDirectories(directory.resolve("ngo-reminder"));
        Files.writeString(own.resolve("ru.subject.txt"), "Напоминание [[${reference}]]\n");
        Files.writeString(own.resolve("ru.txt"), "Обращение [[${reference}]]\n");
        Files.writeString(own.resolve("ru.html"), "<p th:text=\"${reference}\">reference</p>\n");
        ThymeleafMailRenderer custom = new ThymeleafMailRenderer(directory, "notifications@ngo.example", metrics,
                SESSION, Clock.systemUTC(), LINKS);
        PlannedMessage decision = planner.plan(Complaints.complaint(ComplainantMode.ANONYMOUS,
                Complaints.aigerim(false), Complaints.antiCorruption())).get(1);
        PlannedMessage kazakh = new PlannedMessage(decision.messageId(), decision.complaintId(),
                decision.reference(), decision.receivedAt(), decision.recipientType(), decision.authorityId(),
                "ngo-reminder", Language.KK, decision.to(), decision.model());

        // when
        MimeMessage reminder = parse(custom.render(kazakh));

        // then
        assertThat(reminder.getSubject()).isEqualTo("Напоминание HL-7F3K-9QX2-ABCD");
        assertThat(reminder.getHeader("Content-Language")).containsExactly("ru");
        assertThat(metrics.events).containsExactly("fallback ngo-reminder kk->ru");
    }

    @Test
    void writesCaseworkerReportsInKazakhWhenTheNgoWorksInKazakh() throws Exception {
        // given caseworkers who read Kazakh
        NgoContact kazakhCaseworkers = new NgoContact(Map.of(Language.KK, "Сенім желісі"), "hotline@ngo.example",
                "1", "caseworkers@ngo.example", Language.KK, "notifications@ngo.example");
        MessagePlanner kazakh = new MessagePlanner(kazakhCaseworkers, Complaints.PLACES, "notification.test");
        List<PlannedMessage> planned = kazakh.plan(Complaints.complaint(ComplainantMode.ANONYMOUS,
                Complaints.aigerim(false), Complaints.antiCorruption()));

        // when
        MimeMessage decision = parse(renderer.render(planned.get(1)));

        // then
        assertThat(decision.getHeader("Content-Language")).containsExactly("kk");
        assertThat(decision.getSubject()).isEqualTo("HL-7F3K-9QX2-ABCD өтініші бойынша шешім");
        assertThat(metrics.events).isEmpty();
    }

    @Test
    void flagsAFallbackDecisionInTheCaseworkersSubject() throws Exception {
        // given a complaint the rules could not decide
        RoutedComplaint decided = Complaints.complaint(ComplainantMode.ANONYMOUS, Complaints.aigerim(false),
                Complaints.antiCorruption());
        RoutedComplaint undecided = new RoutedComplaint(decided.eventId(), decided.complaintId(), decided.reference(),
                decided.receivedAt(), true, decided.rulesVersion(), decided.assignments(), decided.incident(),
                decided.place(), decided.workplace(), decided.accused(), decided.victimMinor(),
                decided.immediateDanger(), decided.mode(), decided.complainant());

        // when
        MimeMessage report = parse(renderer.render(planner.plan(undecided).get(1)));
        MimeMessage ordinary = parse(renderer.render(planner.plan(decided).get(1)));

        // then
        assertThat(report.getSubject()).isEqualTo("[ТРЕБУЕТ РАЗБОРА] Решение по обращению HL-7F3K-9QX2-ABCD");
        assertThat(part(report, "text/plain")).contains("правила не смогли определить адресата");
        assertThat(ordinary.getSubject()).isEqualTo("Решение по обращению HL-7F3K-9QX2-ABCD");
    }

    @Test
    void prefersTheNgosOwnTemplatesFromTheConfiguredDirectory(@TempDir Path directory) throws Exception {
        // given
        Path own = Files.createDirectories(directory.resolve("complainant-acknowledgement"));
        Files.writeString(own.resolve("kk.subject.txt"), "Рахмет! [[${reference}]]\n");
        Files.writeString(own.resolve("kk.txt"), "Код: [[${trackingCode}]]\n");
        Files.writeString(own.resolve("kk.html"), "<p th:text=\"${trackingCode}\">code</p>\n");
        ThymeleafMailRenderer custom = new ThymeleafMailRenderer(directory, "notifications@ngo.example", metrics,
                SESSION, Clock.systemUTC(), LINKS);
        PlannedMessage acknowledgement = planner.plan(Complaints.complaint(ComplainantMode.CONFIDENTIAL,
                Complaints.aigerim(true), Complaints.antiCorruption())).get(1);

        // when
        MimeMessage message = parse(custom.render(acknowledgement));

        // then
        assertThat(message.getSubject()).isEqualTo("Рахмет! HL-7F3K-9QX2-ABCD");
        assertThat(part(message, "text/plain")).isEqualToIgnoringNewLines("Код: ABCD-EFGH-JKLM-NPQR");
    }

    private static String token(String content) {
        Matcher matcher = LINK.matcher(content);
        assertThat(matcher.find()).as("a link in %s", content).isTrue();
        return matcher.group(1);
    }

    static MimeMessage parse(byte[] mime) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(mime));
    }

    /** The message's body part of {@code type}, inside a {@code multipart/mixed} too; never an attachment. */
    static String part(MimeMessage message, String type) throws Exception {
        String found = part((MimeMultipart) message.getContent(), type);
        if (found == null) {
            throw new AssertionError("no " + type + " part");
        }
        return found;
    }

    private static @Nullable String part(MimeMultipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof MimeMultipart nested) {
                String found = part(nested, type);
                if (found != null) {
                    return found;
                }
            } else if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The message's attachments by file name, as text. */
    static Map<String, String> attachments(MimeMessage message) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        if (message.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    files.put(part.getFileName(), new String(part.getInputStream().readAllBytes(),
                            StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }
}
