package org.hotline.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.notification.it.NotificationHarness.CASE_EVENTS;
import static org.hotline.notification.it.NotificationHarness.CASE_EVENTS_DEAD_LETTERS;
import static org.hotline.notification.it.NotificationHarness.DEAD_LETTERS;
import static org.hotline.notification.it.NotificationHarness.OUTCOMES;
import static org.hotline.notification.it.NotificationHarness.header;
import static org.hotline.notification.it.NotificationHarness.mailTo;
import static org.hotline.notification.it.NotificationHarness.part;
import static org.hotline.notification.it.NotificationHarness.publish;
import static org.hotline.notification.it.NotificationHarness.subject;
import static org.hotline.notification.it.NotificationHarness.value;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.notification.acknowledgement.domain.AcknowledgementLink;
import org.hotline.notification.acknowledgement.domain.LinkPurpose;
import org.hotline.notification.acknowledgement.domain.LinkSigner;
import org.hotline.notification.sealing.domain.FieldSealer;
import org.hotline.notification.sealing.domain.SealedValue;
import org.hotline.testsupport.Brokers;
import org.hotline.testsupport.ScrapePages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The case service's test key (its application-test.yml), which notification's test profile signs with. */
    private static final LinkSigner CASE_SERVICE_KEYS = new LinkSigner("test-ack-1", Map.of("test-ack-1",
            Base64.getDecoder().decode("dGVzdC1vbmx5LWFja25vd2xlZGdlbWVudC1saW5rLWtleSE=")));
    private static final Pattern LINK = Pattern.compile("http://localhost:8086/ack/([A-Za-z0-9_.-]+)");

    private EmbeddedKafkaKraftBroker broker;
    private GreenMail smtp;
    private ConfigurableApplicationContext service;

    @BeforeAll
    void start() {
        broker = NotificationHarness.startBroker();
        int port = NotificationHarness.freePort();
        smtp = NotificationHarness.startSmtp(port);
        service = NotificationHarness.startNotification(broker, port, "it");
    }

    @AfterAll
    void stop() {
        service.close();
        smtp.stop();
        broker.destroy();
    }

    @Test
    void aRoutedComplaintReachesEachBodyInItsLanguageTheComplainantAndTheCaseworkersExactlyOnce() {
        // given a confidential complaint to two bodies, the complainant consenting to contact
        RoutedEvents event = RoutedEvents.complaint().mode("CONFIDENTIAL")
                .complainant(RoutedEvents.complainant("Айгерим Сапарова", "aigerim@one.example", "kk", true))
                .assign("kz-39-anti-corruption", "PRIMARY", "ru", "anticorruption@one.example", 15,
                        "Сыбайлас жемқорлыққа қарсы қызмет", "Антикоррупционная служба", "Anti-corruption service")
                .dated("2026-11-27", "2026-12-15")
                .assign("kz-39-labour", "COPY", "kk", "labour@one.example", null, "Еңбек инспекциясы",
                        "Трудовая инспекция", "Labour inspectorate");

        // when
        publish(broker, event);

        // then
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mailbox()).contains(
                "aigerim@one.example", "anticorruption@one.example", "labour@one.example",
                "caseworkers@ngo.example Решение по обращению " + event.reference()));
        assertThat(mailTo(smtp, "aigerim@one.example")).hasSize(1);
        assertThat(mailTo(smtp, "anticorruption@one.example")).hasSize(1);
        assertThat(mailTo(smtp, "labour@one.example")).hasSize(1);
        assertThat(caseworkerMail(event.reference())).hasSize(1);
        MimeMessage primary = mailTo(smtp, "anticorruption@one.example").get(0);
        assertThat(subject(primary)).isEqualTo("Обращение " + event.reference()
                + ": основной адресат: для принятия мер — Линия доверия");
        assertThat(part(primary, "text/plain")).contains(
                "Подтвердите получение, указав регистрационный номер, не позднее 27 ноября 2026.",
                "Ответ на обращение — не позднее 15 декабря 2026.",
                "The director demanded money to keep my contract.", "Трудовая инспекция — копия: для сведения",
                "Связь с заявителем — только через Линия доверия", "hotline@ngo.example",
                // the place named from the sample units.yml the service loaded, not by its codes
                "Pertsevka, Костанайская область, Республика Казахстан", "20 мая 2011")
                .doesNotContain("Айгерим", "aigerim@", "701 111", "KZ-39", "2011-05-20");
        MimeMessage copy = mailTo(smtp, "labour@one.example").get(0);
        assertThat(subject(copy)).startsWith("Өтініш " + event.reference());
        assertThat(part(copy, "text/plain")).contains("Сыбайлас жемқорлыққа қарсы қызмет — негізгі орган")
                .doesNotContain("Заң бойынша жауап беру мерзімі");
        MimeMessage acknowledgement = mailTo(smtp, "aigerim@one.example").get(0);
        assertThat(part(acknowledgement, "text/plain")).contains("ABCD-EFGH-JKLM-NPQR",
                "Сыбайлас жемқорлыққа қарсы қызмет", "Еңбек инспекциясы", "Сәлеметсіз бе, Айгерим Сапарова!");
        assertThat(subject(caseworkerMail(event.reference()).get(0)))
                .isEqualTo("Решение по обращению " + event.reference());
        assertThat(linkedBody(primary, event)).isEqualTo("kz-39-anti-corruption");
        assertThat(part(primary, "text/plain")).contains("Подтвердите получение и укажите ваш регистрационный номер:");
        assertThat(linkedBody(copy, event)).isEqualTo("kz-39-labour");
        assertThat(part(copy, "text/html")).contains("Алғаныңызды растап, тіркеу нөміріңізді енгізіңіз:");
        for (MimeMessage notForABody : List.of(acknowledgement, caseworkerMail(event.reference()).get(0))) {
            assertThat(part(notForABody, "text/plain") + part(notForABody, "text/html")).doesNotContain("/ack/");
        }
        // Two bodies and the caseworkers; the complainant's acknowledgement has no outcome on the integrators' topic.
        await().atMost(PATIENCE).until(() -> outcomesOf(event).size() == 3);
        List<ConsumerRecord<String, byte[]>> outcomes = outcomesOf(event);
        assertThat(outcomes).extracting(NotificationHarness::value)
                .noneMatch(outcome -> outcome.contains("COMPLAINANT") || outcome.contains("complainant"));
        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(value(outcome)).contains("\"status\":\"SENT\"", "\"attempts\":1")
                    .doesNotContain("@one.example", "demanded", "Айгерим");
            assertThat(header(outcome, "ce_type")).isEqualTo("org.hotline.notification.outcome.v1");
            assertThat(header(outcome, "ce_source")).isEqualTo("urn:hotline:notification-service");
            assertThat(header(outcome, "ce_subject")).isEqualTo(event.complaintId().toString());
            assertThat(header(outcome, "ce_specversion")).isEqualTo("1.0");
        });
        assertThat(outcomes).extracting(NotificationHarness::value).anyMatch(v -> v.contains(
                "\"recipientType\":\"AUTHORITY\",\"authorityId\":\"kz-39-labour\",\"template\":\"authority-notice\","
                        + "\"language\":\"kk\""));
    }

    /**
     * The body a body's email links to, after checking that its text and HTML parts carry the same link, that the
     * case service's key accepts it for acknowledging this complaint and that it expires in about 60 days.
     */
    private static String linkedBody(MimeMessage email, RoutedEvents event) {
        String text = token(part(email, "text/plain"));
        assertThat(token(part(email, "text/html"))).isEqualTo(text);
        AcknowledgementLink link = CASE_SERVICE_KEYS.verify(text, LinkPurpose.ACKNOWLEDGE, Instant.now())
                .orElseThrow(() -> new AssertionError("the case service's key refuses " + text));
        assertThat(link.complaintId()).isEqualTo(event.complaintId());
        assertThat(link.reference()).isEqualTo(event.reference());
        assertThat(link.expiresAt()).isBetween(Instant.now().plus(Duration.ofDays(59)),
                Instant.now().plus(Duration.ofDays(60)));
        return link.authorityId();
    }

    private static String token(String content) {
        Matcher matcher = LINK.matcher(content);
        assertThat(matcher.find()).as("an acknowledgement link in %s", content).isTrue();
        return matcher.group(1);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void plansAndSendsARoutedComplaintInItsTraceAndHandsTheTraceOnWithItsOutcomes(CapturedOutput output) {
        // given a complaint routed in a trace
        String traceId = "7d3f0a9c2b1e4d5f8a6b9c0d1e2f3a4b";
        RoutedEvents event = RoutedEvents.complaint().mode("CONFIDENTIAL")
                .complainant(RoutedEvents.complainant("Жанар Омарова", "zhanar@trace.example", "kk", false))
                .assign("kz-39-anti-corruption", "PRIMARY", "ru", "anticorruption@trace.example", null, "a", "b",
                        "Anti-corruption service");
        String complaintId = event.complaintId().toString();

        // when
        NotificationHarness.publishTraced(broker, event, "00-" + traceId + "-a1b2c3d4e5f60718-01");

        // then its planning is logged in the trace, and each email sent is logged in it with the complaint's id
        await().atMost(PATIENCE).until(() -> mailTo(smtp, "anticorruption@trace.example").size() == 1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(output.getOut().lines()
                .filter(line -> line.contains("message ") && line.contains("of complaint " + complaintId + " sent")))
                .hasSize(2).allSatisfy(line -> assertThat(line).contains(traceId)));
        assertThat(output.getOut().lines().filter(line -> line.contains("Complaint " + complaintId + ": ")))
                .singleElement().asString().contains("2 message(s) planned", traceId);
        // and each outcome (the body's, the caseworkers') carries the trace on, from the span of its own send
        await().atMost(PATIENCE).until(() -> outcomesOf(event).size() == 2);
        List<String> traceparents = outcomesOf(event).stream().map(outcome -> outcome.headers()
                .lastHeader("traceparent")).map(header -> header == null ? "none"
                        : new String(header.value(), StandardCharsets.UTF_8)).toList();
        assertThat(traceparents).allSatisfy(traceparent -> assertThat(traceparent)
                .startsWith("00-" + traceId + "-").doesNotContain("a1b2c3d4e5f60718")).doesNotHaveDuplicates();
        // The service's own lines, not the test's mail server's, which names the addresses it receives for.
        assertThat(output.getOut().lines().filter(line -> line.contains(" o.h.n.")))
                .allSatisfy(line -> assertThat(line).doesNotContain("Жанар", "Омарова", "zhanar@", "anticorruption@"));
    }

    @Test
    void putsTheTracesIdsOnlyWhereEveryPrometheusReadsThem() {
        // given a complaint read and emailed in its trace, which the read delay's summary saw
        RoutedEvents event = RoutedEvents.complaint()
                .assign("kz-39-anti-corruption", "PRIMARY", "ru", "anticorruption@exemplar.example", null, "a", "b",
                        "Anti-corruption service");
        NotificationHarness.publishTraced(broker, event, "00-5e1f0a9c2b1e4d5f8a6b9c0d1e2f3a4b-b1b2c3d4e5f60718-01");
        await().atMost(PATIENCE).until(() -> mailTo(smtp, "anticorruption@exemplar.example").size() == 1);

        // when Prometheus scrapes, asking for OpenMetrics
        HttpResponse<String> page = NotificationHarness.scrape(service);

        // then traces' ids are beside counters and buckets, and on no quantile or _count, which Prometheus 2.42
        // would refuse
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/openmetrics-text"));
        assertThat(page.body()).contains("hotline_notification_read_delay_seconds_count");
        assertThat(ScrapePages.withExemplars(page.body())).isNotEmpty();
        assertThat(ScrapePages.misplacedExemplars(page.body())).isEmpty();
    }

    @Test
    void anOpenComplaintGivesTheBodiesTheComplainantsNameAndContact() {
        // given
        RoutedEvents event = RoutedEvents.complaint().mode("OPEN")
                .complainant(RoutedEvents.complainant("Dana Ivanova", "dana@two.example", "en", false))
                .assign("kz-39-anti-corruption", "PRIMARY", "en", "anticorruption@two.example", null, "a", "b",
                        "Anti-corruption service");

        // when
        publish(broker, event);

        // then
        await().atMost(PATIENCE).until(() -> mailTo(smtp, "anticorruption@two.example").size() == 1);
        assertThat(part(mailTo(smtp, "anticorruption@two.example").get(0), "text/plain"))
                .contains("Name: Dana Ivanova", "Email: dana@two.example", "Phone: +7 701 111 22 33");
        assertThat(mailTo(smtp, "dana@two.example")).as("no consent, no acknowledgement").isEmpty();
    }

    @Test
    void aComplaintWhoseAcknowledgementTheIntakeWithheldMailsTheBodiesAndCaseworkersButNotTheAddress() {
        // given a complaint whose address had had its acknowledgements (the intake's cap), consent given
        Map<String, Object> complainant = RoutedEvents.complainant("Dana Ivanova", "dana@withheld.example", "ru",
                true);
        complainant.put("acknowledgementWithheld", true);
        RoutedEvents event = RoutedEvents.complaint().mode("CONFIDENTIAL").complainant(complainant)
                .assign("kz-39-anti-corruption", "PRIMARY", "ru", "anticorruption@withheld.example", 15, "a", "b",
                        "Anti-corruption service");

        // when
        publish(broker, event);

        // then the body and the caseworkers are told, and the caseworkers read why the complainant was not
        await().atMost(PATIENCE).until(() -> mailTo(smtp, "anticorruption@withheld.example").size() == 1
                && caseworkerMail(event.reference()).size() == 1);
        assertThat(part(caseworkerMail(event.reference()).get(0), "text/plain"))
                .contains("Подтверждение не отправляется");
        // and the address is sent nothing, also in the seconds after the rest of the complaint's mail is out
        await().alias("nothing to the capped address").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> mailTo(smtp, "dana@withheld.example").isEmpty());
    }

    @Test
    void aComplaintSealedUnderItsOwnKeyIsMailedAndAnErasedOneIsSentNothingAndNotDeadLettered() {
        // given two complaints sealed under keys of their own, the second one's key erased (its tombstone)
        RoutedEvents kept = RoutedEvents.complaint().ownKey().description("Он требовал деньги за контракт.")
                .assign("x", "PRIMARY", "ru", "body@own-key.example", 15, "a", "b", "c");
        RoutedEvents erased = RoutedEvents.complaint().ownKey()
                .assign("x", "PRIMARY", "ru", "body@erased.example", 15, "a", "b", "c");
        NotificationHarness.publish(broker, NotificationHarness.KEYS, kept.keyRecordKey(), kept.keyRecord());
        NotificationHarness.publish(broker, NotificationHarness.KEYS, erased.keyRecordKey(), erased.keyRecord());
        NotificationHarness.publish(broker, NotificationHarness.KEYS, erased.keyRecordKey(), null);

        // when both are routed
        publish(broker, erased);
        publish(broker, kept);

        // then the first one's body reads its statement, opened with the complaint's key
        await().atMost(PATIENCE).until(() -> mailTo(smtp, "body@own-key.example").size() == 1);
        assertThat(part(mailTo(smtp, "body@own-key.example").get(0), "text/plain"))
                .contains("Он требовал деньги за контракт.");
        // and nobody is written to about the erased one, which is no poison event either
        await().alias("nothing about the erased complaint").during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10)).until(() -> mailTo(smtp, "body@erased.example").isEmpty()
                        && caseworkerMail(erased.reference()).isEmpty());
        assertThat(Brokers.readCommitted(broker, DEAD_LETTERS))
                .noneMatch(record -> erased.complaintId().toString().equals(record.key()));
    }

    @Test
    void hostileValuesRenderSafely() {
        // given
        String longText = "Длинный текст / long text / ұзын мәтін / نص طويل. ".repeat(2_000);
        RoutedEvents event = RoutedEvents.complaint().mode("OPEN")
                .reference("HL-EVIL\r\nBcc: bcc@evil.example")
                .complainant(RoutedEvents.complainant("Name\r\nBcc: name@evil.example\r\n\r\n<b>body</b>",
                        "victim@three.example", "ru", true))
                .organizationName("<script>alert('x')</script>Школа №1 Қазақ English")
                .description("<img src=x onerror=alert(1)>\r\n.\r\nMAIL FROM:<a@evil.example>\r\n" + longText)
                .assign("kz-39-anti-corruption", "PRIMARY", "ru", "anticorruption@three.example", 10, "a",
                        "Служба <i>", "b")
                .assign("kz-39-labour", "COPY", "en", "labour@three.example\r\nBcc: rcpt@evil.example", null, "a",
                        "b", "c");

        // when
        publish(broker, event);

        // then
        await().atMost(PATIENCE).until(() -> mailTo(smtp, "anticorruption@three.example").size() == 1
                && mailTo(smtp, "victim@three.example").size() == 1);
        await().atMost(PATIENCE).until(() -> outcomesOf(event).stream()
                .anyMatch(outcome -> value(outcome).contains("\"failureClass\":\"INVALID_ADDRESS\"")));
        MimeMessage notice = mailTo(smtp, "anticorruption@three.example").get(0);
        assertThat(subject(notice)).doesNotContain("\r", "\n").contains("HL-EVIL  Bcc: bcc@evil.example");
        assertThat(Arrays.stream(smtp.getReceivedMessages()).flatMap(m -> NotificationHarness.recipients(m).stream()))
                .noneMatch(address -> address.contains("evil.example"));
        String html = part(notice, "text/html");
        assertThat(html).doesNotContain("<script>", "<img", "<b>body", "<i>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;Школа №1 Қазақ English",
                        "&lt;img src=x onerror=alert(1)&gt;", "Name  Bcc: name@evil.example", "نص طويل", "[…]");
        String text = part(notice, "text/plain");
        assertThat(text).contains("Name  Bcc: name@evil.example    <b>body</b>", "MAIL FROM:<a@evil.example>")
                .hasSizeLessThan(30_000);
    }

    @Test
    void aRecipientRejectedWithA5xxGetsAFailureOutcomeWhileTheOthersAreStillDelivered() {
        // given
        RoutedEvents event = RoutedEvents.complaint()
                .assign("kz-39-anti-corruption", "PRIMARY", "ru", "reject-me@four.example", 15, "a", "b", "c")
                .assign("kz-39-labour", "COPY", "ru", "labour@four.example", null, "a", "b", "c");

        // when
        publish(broker, event);

        // then
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mailbox()).contains("labour@four.example",
                "caseworkers@ngo.example Решение по обращению " + event.reference(),
                "caseworkers@ngo.example [СБОЙ] Обращение " + event.reference() + ": сообщение не доставлено"));
        assertThat(caseworkerMail(event.reference())).hasSize(2);
        assertThat(caseworkerMail(event.reference())).extracting(NotificationHarness::subject)
                .contains("[СБОЙ] Обращение " + event.reference() + ": сообщение не доставлено");
        await().atMost(PATIENCE).until(() -> outcomesOf(event).size() == 4);
        assertThat(outcomesOf(event)).extracting(NotificationHarness::value)
                .filteredOn(v -> v.contains("\"status\":\"FAILED\"")).singleElement().asString()
                .contains("\"authorityId\":\"kz-39-anti-corruption\"", "\"failureClass\":\"REJECTED\"",
                        "\"attempts\":1").doesNotContain("reject-me");
        assertThat(mailTo(smtp, "reject-me@four.example")).isEmpty();
    }

    @Test
    void poisonEventsGoToTheDeadLetterTopicWithAReasonAndGoodEventsStillFlow() {
        // given
        byte[] wrongKey = "another-32-byte-key-not-the-test".getBytes(StandardCharsets.UTF_8);
        RoutedEvents sealedWithAnotherKey = RoutedEvents.complaint().sealedWith(wrongKey)
                .assign("x", "PRIMARY", "ru", "x@five.example", null, "a", "b", "c");
        RoutedEvents laterVersion = RoutedEvents.complaint().schemaVersion(2)
                .assign("x", "PRIMARY", "ru", "y@five.example", null, "a", "b", "c");
        RoutedEvents good = RoutedEvents.complaint()
                .assign("x", "PRIMARY", "ru", "good@five.example", null, "a", "b", "c");

        // when
        publish(broker, "not-json-key", "this is not JSON".getBytes(StandardCharsets.UTF_8));
        publish(broker, laterVersion);
        publish(broker, sealedWithAnotherKey);
        publish(broker, good);

        // then
        await().atMost(PATIENCE).until(() -> mailTo(smtp, "good@five.example").size() == 1);
        await().atMost(PATIENCE).until(() -> Brokers.readCommitted(broker, DEAD_LETTERS).size() >= 3);
        List<ConsumerRecord<String, byte[]>> dead = Brokers.readCommitted(broker, DEAD_LETTERS);
        assertThat(dead).extracting(record -> header(record, "x-dead-letter-reason")).anyMatch(
                reason -> reason.startsWith("not JSON")).anyMatch(reason -> reason.contains("unsupported schemaVersion"))
                .anyMatch(reason -> reason.contains("sealed incident.description does not open"));
        assertThat(dead).extracting(record -> header(record, "x-dead-letter-reason-code"))
                .containsExactlyInAnyOrder("not_json", "unsupported_schema_version", "sealed_value_unopenable");
        assertThat(dead).filteredOn(record -> "not-json-key".equals(record.key())).singleElement()
                .satisfies(record -> {
                    assertThat(value(record)).isEqualTo("this is not JSON");
                    assertThat(header(record, "x-dead-letter-original-topic")).isEqualTo("complaints.routed.v1");
                    assertThat(header(record, "x-dead-letter-original-offset")).isNotBlank();
                    assertThat(header(record, "x-dead-letter-group")).isEqualTo("notification-service");
                    assertThat(header(record, "x-dead-letter-at")).isNotBlank();
                    // The parser's message would quote the record's text: only the place is given.
                    assertThat(header(record, "x-dead-letter-reason")).startsWith("not JSON (stopped at line 1")
                            .doesNotContain("this");
                });
        assertThat(mailTo(smtp, "x@five.example")).isEmpty();
        assertThat(mailTo(smtp, "y@five.example")).isEmpty();
    }

    @Test
    void theCaseServicesEscalationReachesTheRungAndTheCaseworkersOnceAndRemindersTheSilentBody() {
        // given: a complaint of Kostanay region whose district department stayed silent (ids of the sample directory)
        String complaintId = UUID.randomUUID().toString();
        String reference = "HL-LDR" + complaintId.substring(0, 4).toUpperCase(Locale.ROOT) + "-2B3C";
        byte[] escalation = caseEvent("EscalationDue", complaintId, reference, """
                "fromAuthorityId":"kz-39-391600000-education","toAuthorityId":"kz-39-education",
                "toAuthorityType":"EDUCATION_AUTHORITY","rung":1,"lastRung":false,
                "reason":"NO_ANSWER_BY_DEADLINE","acknowledgeBy":"2026-12-28","answerBy":"2027-01-15",
                "skippedRungs":[],
                "history":[{"authorityId":"kz-39-391600000-education","authorityType":"EDUCATION_AUTHORITY",
                  "role":"PRIMARY","notifiedAt":"2026-11-30T09:12:00Z","noticeFailed":false,
                  "acknowledgeBy":"2026-12-03","answerBy":"2026-12-22","remindedAt":"2026-12-04T00:00:05Z",
                  "escalatedAt":"2026-12-23T00:00:05Z"}]""");
        byte[] reminder = caseEvent("AcknowledgementReminderDue", complaintId, reference, """
                "authorityId":"kz-39-prosecutor","authorityType":"PROSECUTOR","role":"COPY",
                "notifiedAt":"2026-11-30T09:12:00Z","acknowledgeBy":"2026-12-01","answerBy":"2026-12-22\"""");
        byte[] acknowledged = caseEvent("AssignmentAcknowledged", complaintId, reference, """
                "authorityId":"kz-39-education","registrationNumber":"ЖТ-1\"""");

        // when: the escalation is read twice (a redelivery), then an event that calls for no letter, then a
        // reminder: all one complaint's, so one partition, read in this order
        publish(broker, CASE_EVENTS, complaintId, escalation);
        publish(broker, CASE_EVENTS, complaintId, escalation);
        publish(broker, CASE_EVENTS, complaintId, acknowledged);
        publish(broker, CASE_EVENTS, complaintId, reminder);

        // then: the reminder came last, so everything before it was read
        await().atMost(PATIENCE).until(() -> subjects(mailTo(smtp, "kostanay.prosecutor@example.org"), reference)
                .size() == 1);
        List<MimeMessage> toRung = mailTo(smtp, "kostanay.education@example.org").stream()
                .filter(email -> subject(email).contains(reference)).toList();
        assertThat(toRung).as("one letter to the rung, though the event came twice").singleElement()
                .satisfies(email -> {
                    assertThat(email.getHeader("Content-Language")).containsExactly("ru");
                    assertThat(part(email, "text/plain")).contains("15 января 2027", "30 ноября 2026, 14:12",
                            "kz-39-391600000-education", "hotline@ngo.example");
                    assertThat(linkedAuthority(email, complaintId, reference)).isEqualTo("kz-39-education");
                });
        assertThat(subjects(mailTo(smtp, "caseworkers@ngo.example"), reference)).singleElement()
                .satisfies(subject -> assertThat(subject).startsWith("Эскалация"));
        MimeMessage reminded = mailTo(smtp, "kostanay.prosecutor@example.org").stream()
                .filter(email -> subject(email).contains(reference)).findFirst().orElseThrow();
        assertThat(part(reminded, "text/plain")).contains("1 декабря 2026");
        assertThat(linkedAuthority(reminded, complaintId, reference)).isEqualTo("kz-39-prosecutor");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Brokers.readCommitted(broker, OUTCOMES))
                .filteredOn(record -> complaintId.equals(record.key())).extracting(NotificationHarness::value)
                .anySatisfy(outcome -> assertThat(outcome).contains("\"template\":\"authority-escalation\"",
                        "\"authorityId\":\"kz-39-education\"", "\"status\":\"SENT\""))
                .hasSize(3));
    }

    @Test
    void aCaseworkersDecisionToEscalateReachesTheRungWithTheirReason() {
        // given: EscalationDue v2, the caseworkers having decided not to wait for the district department
        String complaintId = UUID.randomUUID().toString();
        String reference = "HL-CWD" + complaintId.substring(0, 4).toUpperCase(Locale.ROOT) + "-2B3C";
        byte[] escalation = new String(caseEvent("EscalationDue", complaintId, reference, """
                "fromAuthorityId":"kz-39-391600000-education","toAuthorityId":"kz-39-education",
                "toAuthorityType":"EDUCATION_AUTHORITY","rung":1,"lastRung":false,
                "reason":"CASEWORKER_DECISION",
                "decision":{"reason":"The head is the accused's brother.","requestedAt":"2026-12-07T06:20:00Z"},
                "acknowledgeBy":"2026-12-08","answerBy":"2027-01-04","skippedRungs":[],
                "history":[{"authorityId":"kz-39-391600000-education","authorityType":"EDUCATION_AUTHORITY",
                  "role":"PRIMARY","notifiedAt":"2026-11-30T09:12:00Z","noticeFailed":false,
                  "acknowledgeBy":"2026-12-03","answerBy":"2026-12-22","escalatedAt":"2026-12-07T06:25:00Z"}]"""),
                StandardCharsets.UTF_8).replace("\"schemaVersion\":1", "\"schemaVersion\":2")
                .getBytes(StandardCharsets.UTF_8);

        // when
        publish(broker, CASE_EVENTS, complaintId, escalation);

        // then: the rung is told, in Russian, that the caseworkers did not wait for the body's deadline, and why;
        // the caseworkers' report says it went up early
        await().atMost(PATIENCE).until(() -> subjects(mailTo(smtp, "caseworkers@ngo.example"), reference)
                .size() == 1);
        MimeMessage toRung = mailTo(smtp, "kostanay.education@example.org").stream()
                .filter(email -> subject(email).contains(reference)).findFirst().orElseThrow();
        assertThat(subject(toRung)).startsWith("Передано вам досрочно");
        assertThat(part(toRung, "text/plain")).contains("решили не дожидаться ответа", "22 декабря 2026",
                "The head is the accused's brother.")
                .doesNotContain("в установленный законом срок");
        assertThat(linkedAuthority(toRung, complaintId, reference)).isEqualTo("kz-39-education");
        assertThat(subjects(mailTo(smtp, "caseworkers@ngo.example"), reference)).singleElement()
                .satisfies(subject -> assertThat(subject).startsWith("Досрочная эскалация"));
    }

    @Test
    void aBodysAcknowledgementIsToldOnceToTheComplainantWhoConsentedAndToNobodyElse() {
        // given: two complaints whose bodies acknowledged; one complainant agreed to be contacted, one did not
        String consented = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        String reference = "HL-UPD" + consented.substring(0, 4).toUpperCase(Locale.ROOT) + "-2B3C";
        String otherReference = "HL-UPD" + refused.substring(0, 4).toUpperCase(Locale.ROOT) + "-4D5E";
        byte[] update = complainantUpdate(consented, reference, "aigerim@mail.example", true);
        byte[] unwanted = complainantUpdate(refused, otherReference, "quiet@mail.example", false);
        byte[] sentinel = caseEvent("AcknowledgementReminderDue", refused, otherReference, """
                "authorityId":"kz-39-prosecutor","authorityType":"PROSECUTOR","role":"COPY",
                "acknowledgeBy":"2026-12-01","answerBy":"2026-12-22\"""");

        // when: the first news is read twice (a redelivery); the second complaint's reminder comes after its news
        publish(broker, CASE_EVENTS, consented, update);
        publish(broker, CASE_EVENTS, consented, update);
        publish(broker, CASE_EVENTS, refused, unwanted);
        publish(broker, CASE_EVENTS, refused, sentinel);

        // then
        await().atMost(PATIENCE).until(() -> subjects(mailTo(smtp, "kostanay.prosecutor@example.org"), otherReference)
                .size() == 1);
        await().atMost(PATIENCE).until(() -> !subjects(mailTo(smtp, "aigerim@mail.example"), reference).isEmpty());
        assertThat(mailTo(smtp, "aigerim@mail.example")).filteredOn(email -> subject(email).contains(reference))
                .singleElement().satisfies(email -> {
                    assertThat(email.getHeader("Content-Language")).containsExactly("kk");
                    assertThat(part(email, "text/plain")).contains("ЖТ-2026/01234", "22.12.2026", "Айгерим")
                            .doesNotContain("/ack/");
                });
        assertThat(mailTo(smtp, "quiet@mail.example")).isEmpty();
        assertThat(Brokers.readCommitted(broker, OUTCOMES)).filteredOn(record -> consented.equals(record.key())).isEmpty();
    }

    /** A ComplainantUpdateDue as the case service writes it, the complainant block sealed as intake seals it. */
    private static byte[] complainantUpdate(String complaintId, String reference, String email, boolean consent) {
        SealedValue sealed = new FieldSealer(RoutedEvents.TEST_KEY_ID, Map.of(RoutedEvents.TEST_KEY_ID,
                RoutedEvents.TEST_KEY)).seal(("{\"name\":\"Айгерим\",\"email\":\"" + email + "\","
                + "\"preferredLanguage\":\"kk\",\"consentToContact\":" + consent
                + ",\"trackingCode\":\"ABCD-EFGH-JKLM-NPQR\"}").getBytes(StandardCharsets.UTF_8),
                "complaints.received.v1/" + complaintId + "/complainant");
        return caseEvent("ComplainantUpdateDue", complaintId, reference, """
                "update":"ACKNOWLEDGED","authorityId":"kz-39-391600000-education","answerBy":"2026-12-22",
                "acknowledgedAt":"2026-12-02T04:30:00Z","registrationNumber":"ЖТ-2026/01234",
                "complainant":{"mode":"CONFIDENTIAL","sealed":{"keyId":"%s","algorithm":"%s","iv":"%s",
                "ciphertext":"%s"}}""".formatted(sealed.keyId(), sealed.algorithm(), sealed.iv(),
                sealed.ciphertext()));
    }

    @Test
    void aCaseEventNamingABodyTheDirectoryDoesNotListIsDeadLetteredWithItsReason() {
        // given
        String complaintId = UUID.randomUUID().toString();
        byte[] unknown = caseEvent("AcknowledgementReminderDue", complaintId, "HL-UNKN-OWN0-BODY", """
                "authorityId":"kz-99-nowhere","authorityType":"POLICE","role":"PRIMARY",
                "acknowledgeBy":"2026-12-01","answerBy":"2026-12-22\"""");

        // when
        publish(broker, CASE_EVENTS, complaintId, unknown);

        // then
        await().atMost(PATIENCE).until(() -> !Brokers.readCommitted(broker, CASE_EVENTS_DEAD_LETTERS).isEmpty());
        assertThat(Brokers.readCommitted(broker, CASE_EVENTS_DEAD_LETTERS)).singleElement().satisfies(record -> {
            assertThat(header(record, "x-dead-letter-reason-code")).isEqualTo("unknown_authority");
            assertThat(header(record, "x-dead-letter-reason")).contains("kz-99-nowhere");
            assertThat(header(record, "x-dead-letter-original-topic")).isEqualTo(CASE_EVENTS);
            assertThat(header(record, "x-dead-letter-group")).isEqualTo("notification-service-cases");
        });
    }

    /** A case service event of the given type; {@code fields} are its type's own, as JSON members. */
    private static byte[] caseEvent(String type, String complaintId, String reference, String fields) {
        return ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":\"" + type
                + "\",\"schemaVersion\":1,\"occurredAt\":\"2026-12-23T00:00:05Z\",\"complaintId\":\""
                + complaintId + "\",\"reference\":\"" + reference + "\"," + fields + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> subjects(List<MimeMessage> emails, String reference) {
        return emails.stream().map(NotificationHarness::subject).filter(subject -> subject.contains(reference))
                .toList();
    }

    /** The body a ladder letter's link acknowledges for, after the same checks as for a routed complaint's. */
    private static String linkedAuthority(MimeMessage email, String complaintId, String reference) {
        String text = token(part(email, "text/plain"));
        assertThat(token(part(email, "text/html"))).isEqualTo(text);
        AcknowledgementLink link = CASE_SERVICE_KEYS.verify(text, LinkPurpose.ACKNOWLEDGE, Instant.now())
                .orElseThrow(() -> new AssertionError("the case service's key refuses " + text));
        assertThat(link.complaintId()).hasToString(complaintId);
        assertThat(link.reference()).isEqualTo(reference);
        return link.authorityId();
    }

    @Test
    void exposesHealthWithTheSmtpServerAndPrometheusMetricsOnTheManagementPort() {
        // given
        String base = "http://localhost:" + NotificationHarness.managementPort(service) + "/actuator";

        // when
        String health = ops(base + "/health").body();
        String liveness = NotificationHarness.get(base + "/health/liveness").body();

        // then
        assertThat(health).contains("\"mail\"", "\"ledger\"");
        assertThat(liveness).contains("UP");
        await().atMost(PATIENCE).until(() -> ops(base + "/prometheus").body()
                .contains("hotline_notification_messages_sent_total"));
        assertThat(ops(base + "/prometheus").body()).contains("hotline_notification_smtp_latency_seconds",
                "hotline_notification_end_to_end_seconds", "hotline_notification_ledger_unrecorded_window_seconds",
                "hotline_notification_outbox_pending", "hotline_notification_retries_total",
                "hotline_notification_end_to_end_seconds_bucket{application=\"notification-service\",le=\"7200.0\"}")
                .doesNotContain("\nnotification_");
        assertThat(ops(base + "/env").statusCode()).isEqualTo(404);
    }

    @Test
    void exportsTheLagOfItsOwnConsumerOncePerPartitionUnderTheTopicsName() {
        // given the routed complaints' consumer, which has fetched from its partitions
        String metrics = "http://localhost:" + NotificationHarness.managementPort(service) + "/actuator/prometheus";
        Pattern lag = Pattern.compile("^kafka_consumer_fetch_manager_records_lag_max\\{[^}]*topic=\"([^\"]+)\"",
                Pattern.MULTILINE);

        // when Micrometer has bound its Kafka metrics (it looks for new ones every minute)
        await().atMost(Duration.ofMinutes(2)).until(() -> topics(lag, ops(metrics).body())
                .contains("complaints.routed.v1"));

        // then every partition's lag is there once, under the topic's own name, not also as complaints_routed_v1
        assertThat(topics(lag, ops(metrics).body())).contains("complaints.routed.v1")
                .noneMatch(topic -> topic.contains("_"));
    }

    private static List<String> topics(Pattern series, String page) {
        Matcher matcher = series.matcher(page);
        List<String> topics = new ArrayList<>();
        while (matcher.find()) {
            topics.add(matcher.group(1));
        }
        return topics;
    }

    @Test
    void answersOnItsEmptyApiPortWithTheSecurityHeadersAndTomcatsRejectionsAsProblems() throws IOException {
        // given: the API port, where notification serves nothing
        int port = Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port"));

        // when
        HttpResponse<String> nothing = NotificationHarness.get("http://localhost:" + port + "/api/v1/anything");
        String refused;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write("GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            refused = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        // then
        assertThat(nothing.statusCode()).isEqualTo(404);
        assertThat(nothing.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(nothing.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(nothing.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(refused).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("urn:hotline:problem:request-rejected").doesNotContain("<html", "Tomcat");
    }

    @Test
    void answersLivenessAndReadinessToAnyoneWithTheStatusAlone() {
        // given
        String base = "http://localhost:" + NotificationHarness.managementPort(service) + "/actuator";

        for (String probe : List.of("/health/liveness", "/health/readiness")) {
            // when
            HttpResponse<String> anonymous = NotificationHarness.get(base + probe);
            HttpResponse<String> withOps = ops(base + probe);

            // then
            assertThat(anonymous.statusCode()).as(probe).isEqualTo(200);
            assertThat(anonymous.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
            assertThat(withOps.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void showsHealthDetailsAndMetricsOnlyToTheOpsRole() {
        // given
        String base = "http://localhost:" + NotificationHarness.managementPort(service) + "/actuator";

        for (String path : List.of("/health", "/prometheus", "")) {
            // when
            HttpResponse<String> anonymous = NotificationHarness.get(base + path);
            HttpResponse<String> wrongPassword = NotificationHarness.getAs("test-ops", "guess", base + path);
            HttpResponse<String> unknown = NotificationHarness.getAs("nobody", "nobody-password", base + path);
            HttpResponse<String> staff = NotificationHarness.getAs("test-staff", "test-staff-password", base + path);

            // then
            for (HttpResponse<String> refused : List.of(anonymous, wrongPassword, unknown)) {
                assertThat(refused.statusCode()).as(path).isEqualTo(401);
                assertThat(refused.headers().firstValue("WWW-Authenticate")).as(path)
                        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic realm=\"hotline\""));
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(refused.body()).contains("\"type\":\"urn:hotline:problem:authentication-required\"");
            }
            assertThat(staff.statusCode()).as(path).isEqualTo(403);
            assertThat(staff.body()).contains("\"type\":\"urn:hotline:problem:access-denied\"");
            assertThat(ops(base + path).statusCode()).as(path).isEqualTo(200);
        }
    }

    private static HttpResponse<String> ops(String url) {
        return NotificationHarness.getAs("test-ops", "test-ops-password", url);
    }

    /** Every message the server holds, as {@code recipient} or, for the caseworkers, {@code recipient subject}. */
    private List<String> mailbox() {
        return Arrays.stream(smtp.getReceivedMessages()).map(message -> {
            String to = String.join(",", NotificationHarness.recipients(message));
            return to.equals("caseworkers@ngo.example") ? to + " " + subject(message) : to;
        }).toList();
    }

    private List<MimeMessage> caseworkerMail(String reference) {
        return mailTo(smtp, "caseworkers@ngo.example").stream()
                .filter(message -> subject(message).contains(reference)).toList();
    }

    private List<ConsumerRecord<String, byte[]>> outcomesOf(RoutedEvents event) {
        return Brokers.readCommitted(broker, OUTCOMES).stream().filter(record -> event.complaintId().toString().equals(record.key()))
                .toList();
    }
}
