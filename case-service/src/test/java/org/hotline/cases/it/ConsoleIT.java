package org.hotline.cases.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cases.it.CaseHarness.AUDIT;
import static org.hotline.cases.it.CaseHarness.OUTCOMES;
import static org.hotline.cases.it.CaseHarness.RECEIVED;
import static org.hotline.cases.it.CaseHarness.ROUTED;
import static org.hotline.cases.it.CaseHarness.publish;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.hotline.testsupport.Brokers;
import org.hotline.testsupport.Browser;
import org.hotline.testsupport.EventSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caseworker console as a caseworker uses it, in a real headless Chromium against the service on a real broker:
 * refused without an account or with one that is not STAFF; the queue with the case in its lane; the case's
 * timeline; the complainant's contact details and statement opened from the complaint's own record on the topic,
 * the opening audited with the case's reference; an anonymous complaint never opened; a body's answer received by
 * post recorded through the form; the dossier exported without the complainant. axe checks each page; screenshots
 * of each go to {@code target/screenshots}.
 */
class ConsoleIT {

    private static final Instant RECEIVED_AT = Instant.parse("2026-11-30T05:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");
    private static final String STAFF = "test-staff";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext service;
    private static CaseEvents complaint;
    private static CaseEvents anonymous;
    private static Browser browser;
    private static boolean signedIn;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        broker = CaseHarness.startBroker();
        service = CaseHarness.startCaseService(broker, Clock.fixed(NOW, ZoneOffset.UTC));
        complaint = new CaseEvents(RECEIVED_AT);
        anonymous = CaseEvents.anonymous(RECEIVED_AT.plusSeconds(60));
        for (CaseEvents each : new CaseEvents[] {complaint, anonymous}) {
            String key = each.complaintId.toString();
            // Stamped when intake received it, as intake's producer stamps it: the console finds it by that time.
            publish(broker, RECEIVED, key, each.received(), each.receivedAt);
            publish(broker, ROUTED, key, each.routed());
            publish(broker, OUTCOMES, key, each.outcome("kz-39-police", "SENT", each.receivedAt.plusSeconds(3)));
            publish(broker, OUTCOMES, key, each.outcome("kz-39-education", "SENT", each.receivedAt.plusSeconds(4)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/console/cases/" + anonymous.reference, STAFF).body().contains("kz-39-education"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (service != null) {
            service.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void refusesTheConsoleWithoutAStaffAccount() {
        // when the console is asked for without an account, with a wrong password, and by an operations account
        HttpResponse<String> none = CaseHarness.send(HttpRequest.newBuilder(URI.create(url("/console"))).GET());
        HttpResponse<String> wrong = CaseHarness.send(HttpRequest.newBuilder(URI.create(url("/console")))
                .header("Authorization", basic(STAFF, "not-the-password")).GET());
        HttpResponse<String> ops = get("/console/cases/" + complaint.reference, "test-ops");

        // then a login is asked for, and the operations account is refused; no page shows a case
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(ops.statusCode()).isEqualTo(403);
        assertThat(none.body() + wrong.body() + ops.body()).doesNotContain(complaint.reference);

        // and a browser without the account gets no console either (a browser of its own: the shared one keeps
        // the login of the tests that signed in before this one)
        try (Browser stranger = Browser.start()) {
            stranger.open(url("/console"));
            assertThat(stranger.driver().getPageSource()).doesNotContain(complaint.reference);
            stranger.screenshot("console-refused");
        }
    }

    @Test
    void aCaseworkerFindsTheCaseInItsLaneAndReadsItsTimelineInWords() {
        // given the console in Russian, signed in as a caseworker
        browser.open(signedIn("/console?lang=ru"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Обращения");
        browser.assertAccessible();
        browser.screenshot("console-queue-ru");

        // when she opens the case from the lane of new cases (both bodies told, none confirmed yet)
        assertThat(browser.find(By.id("NEW")).getText()).contains(complaint.reference);
        browser.follow(By.linkText(complaint.reference));

        // then the case: its bodies, its circumstances in words, its timeline in Almaty time, nothing of the
        // complainant until asked (Java 25's Russian dates have a narrow no-break space before "г.", Java 17's a
        // space: the date and the time are matched on either side of it)
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Обращение " + complaint.reference);
        String page = browser.find(By.tagName("main")).getText();
        assertThat(page).contains("Police Department, Kostanay Region", "Костанайская область",
                "Сексуальные домогательства", "Вымогательство", "30 ноября 2026", "г., 10:00", "Получено горячей линией")
                .doesNotContain("SEXUAL_HARASSMENT", "KZ-39", CaseEvents.COMPLAINANT_NAME, CaseEvents.STATEMENT);
        assertThat(browser.findAll(By.cssSelector(".timeline li"))).hasSize(3);
        browser.assertAccessible();
        browser.screenshot("console-case-ru");
    }

    @Test
    void opensTheComplainantOnlyOnRequestFromTheComplaintsOwnRecordAndAuditsEachOpening() {
        // given a case in the console, in English
        browser.open(signedIn("/console/cases/" + complaint.reference + "?lang=en"));

        // when the caseworker opens the complainant
        browser.submit(By.id("open-complainant"));

        // then the name and the statement, opened from the sealed ComplaintReceived, on a page never cached
        assertThat(browser.find(By.id("complainant-name")).getText()).isEqualTo(CaseEvents.COMPLAINANT_NAME);
        assertThat(browser.find(By.id("complainant-email")).getText()).isEqualTo(CaseEvents.COMPLAINANT_EMAIL);
        assertThat(browser.find(By.id("complainant-statement")).getText()).isEqualTo(CaseEvents.STATEMENT);
        browser.assertAccessible();
        browser.screenshot("console-complainant-en");
        HttpResponse<String> opened = post("/console/cases/" + complaint.reference + "/complainant", "lang=en");
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Cache-Control")).hasValue("no-store");

        // and the audit trail names the caseworker, the action and the case, and nothing the complainant gave
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(audited())
                .filteredOn(audit -> "case.complainant.open".equals(audit.get("action").asString())
                        && "SUCCEEDED".equals(audit.get("outcome").asString())
                        && complaint.reference.equals(audit.path("reference").asString("")))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(audit -> {
                    EventSchemas.assertConforms("staff-action-audited.v1.schema.json", audit);
                    assertThat(audit.get("principal").asString()).isEqualTo(STAFF);
                    assertThat(audit.get("reference").asString()).isEqualTo(complaint.reference);
                    assertThat(audit.toString()).doesNotContain(CaseEvents.COMPLAINANT_NAME,
                            complaint.complaintId.toString());
                }));
    }

    @Test
    void neverOpensAnAnonymousComplaint() {
        // when a caseworker asks for the complainant of an anonymous complaint
        HttpResponse<String> answer = post("/console/cases/" + anonymous.reference + "/complainant", "lang=en");

        // then a refusal in words, and nothing of the sealed block
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("sent anonymously").doesNotContain(CaseEvents.COMPLAINANT_NAME,
                CaseEvents.COMPLAINANT_EMAIL, CaseEvents.STATEMENT);
    }

    @Test
    void aCaseworkerRecordsAnAnswerThatCameByPostAndTheTimelineShowsIt() {
        // given the anonymous case's page in Kazakh
        browser.open(signedIn("/console/cases/" + anonymous.reference + "?lang=kk"));
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("kk");
        browser.assertAccessible();
        browser.screenshot("console-case-kk");

        // when she records the police's answer from its letter
        browser.find(By.cssSelector("#body-0 details:nth-of-type(2) summary")).click();
        browser.find(By.id("answer-number-0")).sendKeys("ИСХ-77");
        browser.submit(By.cssSelector("#body-0 details:nth-of-type(2) button[type=submit]"));

        // then the page says it was recorded, and the timeline soon shows the answer as the caseworker's
        browser.screenshot("console-answer-recorded-kk");
        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).startsWith("Жауап жазылды.");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> get("/console/cases/" + anonymous.reference + "?lang=en", STAFF).body()
                        .contains("answered by letter or call, recorded by a caseworker"));
    }

    @Test
    void aCaseworkerHoldsABodysEscalationWithHerReasonAndLiftsTheHold() {
        // given a case of its own, whose page in English shows the police (a routed body) may still be escalated
        CaseEvents promised = new CaseEvents(RECEIVED_AT.plusSeconds(120));
        String key = promised.complaintId.toString();
        publish(broker, RECEIVED, key, promised.received(), promised.receivedAt);
        publish(broker, ROUTED, key, promised.routed());
        publish(broker, OUTCOMES, key, promised.outcome("kz-39-police", "SENT", promised.receivedAt.plusSeconds(3)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/console/cases/" + promised.reference, STAFF).statusCode() == 200);
        browser.open(signedIn("/console/cases/" + promised.reference + "?lang=en"));

        // when she holds the police's escalation until 20 December, as the police promised by phone
        browser.find(By.cssSelector("#body-0 details:nth-of-type(3) summary")).click();
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2026-12-20'",
                browser.find(By.id("hold-until-0")));
        browser.find(By.id("hold-reason-0")).sendKeys("The head of the department promised the answer by phone.");
        browser.assertAccessible();
        browser.submit(By.cssSelector("#body-0 details:nth-of-type(3) form button[type=submit]"));

        // then the page says so, the case soon shows the hold with her reason, and the hold is audited
        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).startsWith("The hold was recorded.");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> get("/console/cases/" + promised.reference + "?lang=en", STAFF).body()
                        .contains("Escalation held until"));
        browser.open(signedIn("/console/cases/" + promised.reference + "?lang=en"));
        assertThat(browser.find(By.cssSelector("#body-0 .held")).getText())
                .isEqualTo("December 20, 2026: The head of the department promised the answer by phone.");
        assertThat(browser.find(By.cssSelector(".timeline")).getText()).contains("test-staff held the escalation "
                + "of Police Department, Kostanay Region until December 20, 2026");
        browser.screenshot("console-escalation-held-en");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(audited())
                .anySatisfy(action -> {
                    assertThat(action.path("action").asString()).isEqualTo("case.escalation.hold");
                    assertThat(action.path("outcome").asString()).isEqualTo("SUCCEEDED");
                }));

        // and a copy is never escalated, so the API refuses to hold it
        HttpResponse<String> copy = CaseHarness.send(HttpRequest.newBuilder(URI.create(url("/api/v1/cases/"
                        + promised.reference + "/assignments/kz-39-education/escalation-hold")))
                .header("Authorization", basic(STAFF, STAFF + "-password"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"heldUntil\": \"2026-12-20\", \"reason\": \"x\"}")));
        assertThat(copy.statusCode()).isEqualTo(409);
        assertThat(copy.body()).contains("nothing-to-hold");

        // when she lifts the hold, the police having not called back
        HttpResponse<String> lifted = post("/console/cases/" + promised.reference
                + "/assignments/kz-39-police/escalation-hold", "lang=en&reason=No+call+came.");

        // then back to the case, which soon shows the hold lifted
        assertThat(lifted.statusCode()).isEqualTo(303);
        assertThat(lifted.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("done=release"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> get("/console/cases/" + promised.reference + "?lang=en", STAFF).body()
                        .contains("test-staff lifted the hold on the escalation of Police Department"));
        assertThat(get("/console/cases/" + promised.reference + "?lang=en", STAFF).body())
                .doesNotContain("Escalation held until");
    }

    @Test
    void aCaseworkerEscalatesPastABodyNowWithHerReasonAndTheTimelineSaysSo() {
        // given a case of its own, told to the police yesterday: their deadlines are weeks away
        CaseEvents refused = new CaseEvents(RECEIVED_AT.plusSeconds(180));
        String key = refused.complaintId.toString();
        publish(broker, RECEIVED, key, refused.received(), refused.receivedAt);
        publish(broker, ROUTED, key, refused.routed());
        publish(broker, OUTCOMES, key, refused.outcome("kz-39-police", "SENT", refused.receivedAt.plusSeconds(3)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/console/cases/" + refused.reference + "?lang=en", STAFF).body()
                        .contains("Escalate now"));
        browser.open(signedIn("/console/cases/" + refused.reference + "?lang=en"));

        // when she escalates past the police now, who refused to register the complaint
        browser.find(By.cssSelector("#body-0 details:nth-of-type(4) summary")).click();
        browser.find(By.id("escalate-reason-0")).sendKeys("The police refused to register the complaint by phone.");
        browser.assertAccessible();
        browser.submit(By.cssSelector("#body-0 details:nth-of-type(4) form button[type=submit]"));

        // then the page says so; at the next check the case goes up, and the timeline says who asked and why
        assertThat(browser.find(By.cssSelector("[role=status]")).getText())
                .startsWith("The escalation was asked for.");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> get("/console/cases/" + refused.reference + "?lang=en", STAFF).body()
                        .contains("A caseworker decided not to wait for"));
        browser.open(signedIn("/console/cases/" + refused.reference + "?lang=en"));
        assertThat(browser.find(By.cssSelector(".timeline")).getText()).contains(
                "test-staff asked to escalate past Police Department, Kostanay Region: The police refused to "
                        + "register the complaint by phone.",
                "A caseworker decided not to wait for Police Department, Kostanay Region; the complaint went to");
        assertThat(browser.findAll(By.id("escalate-reason-0"))).isEmpty();
        browser.assertAccessible();
        browser.screenshot("console-escalated-en");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(audited())
                .anySatisfy(action -> {
                    assertThat(action.path("action").asString()).isEqualTo("case.escalation.request");
                    assertThat(action.path("outcome").asString()).isEqualTo("SUCCEEDED");
                }));
    }

    @Test
    void refusesAFormPostFromAnotherSitesPageThoughTheBrowserSendsTheCaseworkersLogin() {
        // when another site's page makes the caseworker's browser post to the console (the browser adds her login)
        HttpResponse<String> answer = CaseHarness.send(HttpRequest.newBuilder(URI.create(url("/console/cases/"
                        + complaint.reference + "/closure")))
                .header("Authorization", basic(STAFF, STAFF + "-password"))
                .header("Origin", "https://attacker.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("reason=WITHDRAWN")));

        // then it is refused, and the case stays open
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("cross-origin-request");
        assertThat(get("/console/cases/" + complaint.reference + "?lang=en", STAFF).body())
                .doesNotContain("Closed (");
    }

    @Test
    void exportsTheDossierAsAFileWithoutTheComplainant() {
        // when a caseworker exports the dossier
        HttpResponse<String> dossier = post("/console/cases/" + complaint.reference + "/dossier", "lang=en");

        // then a file to keep, with the case's facts and timeline, and nothing that identifies the complainant
        assertThat(dossier.statusCode()).isEqualTo(200);
        assertThat(dossier.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("attachment")
                        .contains(complaint.reference + "-dossier-2026-12-01.html"));
        assertThat(dossier.body()).contains("Dossier of case " + complaint.reference, "Police Department",
                "Received by the hotline").doesNotContain(CaseEvents.COMPLAINANT_NAME, CaseEvents.COMPLAINANT_EMAIL,
                CaseEvents.STATEMENT);
    }

    private static List<JsonNode> audited() {
        return Brokers.readCommitted(broker, AUDIT).stream().map(ConsumerRecord::value).map(JSON::readTree)
                .toList();
    }

    private static HttpResponse<String> get(String path, String account) {
        return CaseHarness.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic(account, account + "-password")).GET());
    }

    /** A form post from the console's own page, as the browser sends it. */
    private static HttpResponse<String> post(String path, String form) {
        return CaseHarness.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic(STAFF, STAFF + "-password"))
                .header("Origin", "http://localhost:" + port())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String basic(String account, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((account + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The page's address, once the shared browser is signed in: the first time, it opens the console with the
     * caseworker's account in the address, and from then on answers the console's login itself, as after a person
     * typed it. The addresses it is given carry no account, nor do the links of the pages: Chromium does not follow
     * a link whose address carries one.
     */
    private static String signedIn(String path) {
        if (!signedIn) {
            browser.open("http://" + STAFF + ":" + STAFF + "-password@localhost:" + port() + "/console");
            signedIn = true;
        }
        return url(path);
    }

    private static String url(String path) {
        return "http://localhost:" + port() + path;
    }

    private static int port() {
        return CaseHarness.port(service, "local.server.port");
    }
}
