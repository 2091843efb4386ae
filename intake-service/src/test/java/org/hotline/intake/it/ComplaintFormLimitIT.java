package org.hotline.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.testsupport.Brokers;
import org.hotline.testsupport.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The complaint form over the rate limit, in a real headless Chromium: the second complaint from one connection
 * within the hour gets the form again (429), saying in the page's language how long to wait, with every answer kept
 * and nothing sent. An intake of its own, with a limit of one complaint an hour per client.
 */
class ComplaintFormLimitIT {

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext intake;
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        broker = IntakeHarness.startBroker();
        intake = IntakeHarness.startIntake(broker,
                "hotline.intake.rate-limit.enabled=true",
                "hotline.intake.rate-limit.per-client.requests=1",
                "hotline.intake.rate-limit.per-client.period=1h",
                "hotline.intake.rate-limit.per-client.burst=1");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (intake != null) {
            intake.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void aSecondComplaintWithinTheHourGetsTheFormBackWithItsAnswersAndHowLongToWait() {
        // given a first complaint sent from this connection, without scripts
        browser.scripts(false);
        browser.open(url("/complaint?lang=ru"));
        ComplaintFormIT.fillIn(browser, "Директор школы требовал деньги.", "ANONYMOUS");
        browser.submit(By.id("send"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Ваше обращение принято");

        // when a second one is sent from it within the hour
        browser.open(url("/complaint?lang=ru"));
        ComplaintFormIT.fillIn(browser, "И снова требовал.", "ANONYMOUS");
        browser.submit(By.id("send"));

        // then the form again, in Russian, saying to wait, with the answers still in it, and one complaint on Kafka
        assertThat(browser.find(By.cssSelector("[role=alert]")).getText())
                .startsWith("С вашего подключения за короткое время отправлено слишком много обращений.")
                .containsPattern("Подождите \\d+ мин\\.");
        assertThat(browser.find(By.id("incident.description")).getAttribute("value")).isEqualTo("И снова требовал.");
        assertThat(browser.find(By.id("category-EXTORTION")).isSelected()).isTrue();
        browser.assertAccessible();
        browser.screenshot("complaint-too-many-ru");
        assertThat(Brokers.readCommitted(broker, IntakeHarness.COMPLAINTS)).hasSize(1);
    }

    private static String url(String path) {
        return "http://localhost:" + IntakeHarness.port(intake) + path;
    }
}
