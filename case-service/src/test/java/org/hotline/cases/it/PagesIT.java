package org.hotline.cases.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cases.it.CaseHarness.OUTCOMES;
import static org.hotline.cases.it.CaseHarness.RECEIVED;
import static org.hotline.cases.it.CaseHarness.ROUTED;
import static org.hotline.cases.it.CaseHarness.publish;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.awaitility.Awaitility;
import org.hotline.cases.acknowledgement.application.Acknowledgements;
import org.hotline.testsupport.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The complainant's status page and a body's acknowledgement page as people use them, in a real headless Chromium
 * against the service on a real broker: the status of a real case read in each language with its reference and
 * tracking code; a wrong code; a body confirming receipt through its signed link, and the status then showing its
 * number. axe checks each page; screenshots of each go to {@code target/screenshots}.
 */
class PagesIT {

    private static final Instant RECEIVED_AT = Instant.parse("2026-11-30T05:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext service;
    private static CaseEvents complaint;
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        broker = CaseHarness.startBroker();
        service = CaseHarness.startCaseService(broker, Clock.fixed(NOW, ZoneOffset.UTC));
        complaint = new CaseEvents(RECEIVED_AT);
        String key = complaint.complaintId.toString();
        publish(broker, RECEIVED, key, complaint.received());
        publish(broker, ROUTED, key, complaint.routed());
        publish(broker, OUTCOMES, key, complaint.outcome("kz-39-police", "SENT", RECEIVED_AT.plusSeconds(3)));
        publish(broker, OUTCOMES, key, complaint.outcome("kz-39-education", "SENT", RECEIVED_AT.plusSeconds(4)));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> CaseHarness.send(HttpRequest.newBuilder(URI.create(url("/ack/" + link("kz-39-police"))))
                        .GET()).statusCode() == 200);
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "kk|Өтінішіңіздің мәртебесі|Өтініш",
        "ru|Статус вашего обращения|Обращение",
        "en|Status of your complaint|Complaint"})
    void aComplainantReadsTheStatusOfHerCaseWithTheReferenceAndTrackingCode(String language, String formTitle,
            String caseTitle) {
        // given the status page in the language
        browser.open(url("/status?lang=" + language));
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(formTitle);
        browser.assertAccessible();
        browser.screenshot("status-form-" + language);

        // when she enters the reference and the tracking code of her receipt
        browser.find(By.id("reference")).sendKeys(complaint.reference);
        browser.find(By.id("trackingCode")).sendKeys(CaseEvents.TRACKING_CODE);
        browser.submit(By.cssSelector("form button[type=submit]"));

        // then the case, in words, in her language: both bodies that were told
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(caseTitle + " " + complaint.reference);
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        assertThat(browser.findAll(By.cssSelector("main section h3"))).hasSize(2);
        browser.assertAccessible();
        browser.screenshot("status-case-" + language);
    }

    @Test
    void aWrongTrackingCodeShowsTheFormAgainWithAPlainWord() {
        // given the status page
        browser.open(url("/status?lang=en"));

        // when the tracking code is wrong
        browser.find(By.id("reference")).sendKeys(complaint.reference);
        browser.find(By.id("trackingCode")).sendKeys("7F3K-9QX2-ABCD-EFGJ");
        browser.submit(By.cssSelector("form button[type=submit]"));

        // then the form again, saying that nothing matches, and no case
        assertThat(browser.find(By.cssSelector("[role=alert]")).getText())
                .startsWith("No complaint matches this reference and tracking code.");
        assertThat(browser.findAll(By.cssSelector("main section"))).isEmpty();
        browser.assertAccessible();
        browser.screenshot("status-not-found-en");
    }

    @Test
    void aBodyConfirmsReceiptThroughItsLinkWithItsRegistrationNumberAndTheStatusShowsIt() {
        // given the police's link from its email, opened in its language (Russian)
        browser.open(url("/ack/" + link("kz-39-police")));
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("ru");
        assertThat(browser.find(By.tagName("h1")).getText())
                .isEqualTo("Подтверждение получения обращения " + complaint.reference);
        browser.assertAccessible();
        browser.screenshot("acknowledgement-form-ru");

        // when the body enters its registration number and confirms
        browser.find(By.id("registrationNumber")).sendKeys("ЖТ-2026/01234");
        browser.submit(By.cssSelector("form button[type=submit]"));

        // then the page says it is confirmed, with the number, and the complainant's status shows it
        assertThat(browser.find(By.tagName("main")).getText()).contains("Получение подтверждено", "ЖТ-2026/01234");
        browser.assertAccessible();
        browser.screenshot("acknowledgement-confirmed-ru");
        browser.open(url("/status?lang=en"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            browser.open(url("/status?lang=en"));
            browser.find(By.id("reference")).sendKeys(complaint.reference);
            browser.find(By.id("trackingCode")).sendKeys(CaseEvents.TRACKING_CODE);
            browser.submit(By.cssSelector("form button[type=submit]"));
            return browser.find(By.tagName("main")).getText().contains("registration number ЖТ-2026/01234");
        });
        browser.screenshot("status-case-acknowledged-en");
    }

    private static String link(String authorityId) {
        return service.getBean(Acknowledgements.class).issue(complaint.complaintId, complaint.reference, authorityId);
    }

    private static String url(String path) {
        return "http://localhost:" + CaseHarness.port(service, "local.server.port") + path;
    }
}
