package org.hotline.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.it.IntakeHarness.COMPLAINTS;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.hotline.testsupport.Brokers;
import org.hotline.testsupport.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The complaint form as a person uses it, in a real headless Chromium against the intake and a real broker: filled
 * in each language with the page's scripts off (a plain form post) and on (one step at a time), the receipt read off
 * the screen and its complaint found on the topic; a form with mistakes shown again with each problem next to its
 * field; the quick exit; the headers that keep no trace. axe checks each page; screenshots of each go to
 * {@code target/screenshots}.
 */
class ComplaintFormIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext intake;
    private static HttpServer weather;
    private static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.start();
        weather = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        weather.createContext("/weather", exchange -> {
            byte[] page = "<!DOCTYPE html><html lang=\"en\"><title>Weather</title><h1>Almaty: sunny</h1></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        weather.start();
        broker = IntakeHarness.startBroker();
        intake = IntakeHarness.startIntake(broker,
                "hotline.intake.page.quick-exit-url=" + weatherUrl(),
                "hotline.intake.page.status-page-url=http://status.hotline.example/status");
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
        if (weather != null) {
            weather.stop(0);
        }
    }

    @AfterEach
    void scriptsBackOn() {
        browser.scripts(true);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "kk|Жұмыстағы қудалау немесе қорқытып алушылық туралы хабарлау|Өтінішіңіз қабылданды"
                + "|Мектеп директоры ақша талап етті.",
        "ru|Сообщить о домогательствах или вымогательстве на работе|Ваше обращение принято"
                + "|Директор школы требовал деньги.",
        "en|Report harassment or extortion at work|Your complaint was received|The head teacher asked for money."})
    void sendsAComplaintWithoutScriptsInEachLanguageAndShowsTheReceiptOnlyOnceKafkaHasIt(String language,
            String title, String receiptTitle, String description) {
        // given the form in the language, with the page's scripts off: one long form
        browser.scripts(false);
        browser.open(url("/complaint?lang=" + language));
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(browser.findAll(By.cssSelector("fieldset.step"))).hasSize(4).allMatch(WebElement::isDisplayed);
        browser.assertAccessible();

        // when a person fills it in and sends it
        fillIn(description, "CONFIDENTIAL");
        browser.find(By.id("complainant.phone")).sendKeys("+7 701 555 0199");
        browser.screenshot("complaint-form-" + language);
        browser.submit(By.id("send"));

        // then the receipt shows the reference and the tracking code, and Kafka holds the complaint
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(receiptTitle);
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        String reference = browser.find(By.id("reference")).getText();
        String trackingCode = browser.find(By.id("trackingCode")).getText();
        assertThat(reference).matches("HL-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(trackingCode).isNotBlank().isNotEqualTo(reference);
        assertThat(browser.find(By.cssSelector("a[href^='http://status.hotline.example/status']")).getAttribute("href"))
                .isEqualTo("http://status.hotline.example/status?lang=" + language);
        browser.assertAccessible();
        browser.screenshot("complaint-receipt-" + language);
        JsonNode event = event(reference);
        assertThat(event.get("language").stringValue()).isEqualTo(language);
        assertThat(event.get("channel").stringValue()).isEqualTo("WEB");
        assertThat(event.toString()).doesNotContain("+7 701 555 0199");
    }

    @Test
    void showsOneStepAtATimeWithScriptsAndSendsTheComplaintFromTheLastStep() {
        // given the form with the page's scripts on
        browser.open(url("/complaint?lang=ru"));
        List<WebElement> steps = browser.findAll(By.cssSelector("fieldset.step"));
        assertThat(steps).extracting(WebElement::isDisplayed).containsExactly(true, false, false, false);
        assertThat(browser.find(By.id("send")).isDisplayed()).isFalse();
        assertThat(browser.find(By.cssSelector(".progress")).getText()).isEqualTo("Шаг 1 из 4");
        browser.assertAccessible();
        browser.screenshot("complaint-form-step-1-ru");

        // when a person answers step by step, with Next, and sends from the last step
        browser.find(By.id("category-EXTORTION")).click();
        browser.find(By.id("incident.description")).sendKeys("Начальник требует деньги за продление договора.");
        next();
        assertThat(steps).extracting(WebElement::isDisplayed).containsExactly(false, true, false, false);
        new Select(browser.find(By.id("location.region"))).selectByValue("KZ-75");
        next();
        new Select(browser.find(By.id("accused.role"))).selectByValue("SUPERVISOR");
        next();
        browser.find(By.id("mode-ANONYMOUS")).click();
        browser.assertAccessible();
        browser.screenshot("complaint-form-step-4-ru");
        browser.submit(By.id("send"));

        // then the receipt, and the anonymous complaint on the topic
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Ваше обращение принято");
        JsonNode event = event(browser.find(By.id("reference")).getText());
        assertThat(event.get("language").stringValue()).isEqualTo("ru");
    }

    @Test
    void showsEachProblemNextToItsFieldInThePagesLanguageKeepsTheAnswersAndSendsNothing() {
        // given the Kazakh form without scripts, with no category and a name in an anonymous complaint
        browser.scripts(false);
        int before = Brokers.readCommitted(broker, COMPLAINTS).size();
        browser.open(url("/complaint?lang=kk"));
        browser.find(By.id("incident.description")).sendKeys("Бастық ақша талап етті.");
        browser.find(By.id("mode-ANONYMOUS")).click();
        browser.find(By.id("complainant.name")).sendKeys("Айгерім");

        // when it is sent
        browser.submit(By.id("send"));

        // then each problem is shown next to its field, in Kazakh, and the answers are kept
        assertThat(browser.find(By.id("e-incident.categories")).getText())
                .isEqualTo("Не болғанының кемінде бір түрін белгілеңіз.");
        assertThat(browser.find(By.id("e-complainant.name")).getText()).startsWith("Сіз «Жасырын» дегенді таңдадыңыз");
        assertThat(browser.find(By.id("complainant.name")).getAttribute("aria-describedby"))
                .isEqualTo("e-complainant.name");
        assertThat(browser.find(By.id("incident.description")).getAttribute("value"))
                .isEqualTo("Бастық ақша талап етті.");
        assertThat(browser.find(By.id("complainant.name")).getAttribute("value")).isEqualTo("Айгерім");
        assertThat(browser.find(By.id("mode-ANONYMOUS")).isSelected()).isTrue();
        assertThat(browser.findAll(By.cssSelector("#problems li"))).hasSize(2);
        browser.assertAccessible();
        browser.screenshot("complaint-form-problems-kk");
        assertThat(Brokers.readCommitted(broker, COMPLAINTS)).hasSize(before);
    }

    @Test
    void quickExitGoesToTheNeutralPageAndBackDoesNotReturnToTheForm() {
        // given the form open, after another page
        browser.open(weatherUrl() + "?before");
        browser.open(url("/complaint?lang=en"));
        browser.find(By.id("incident.description")).sendKeys("Something I do not want seen");

        // when the person presses the quick exit, then Back
        browser.find(By.id("quick-exit")).click();
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.driver().getCurrentUrl().equals(weatherUrl()));
        browser.driver().navigate().back();

        // then Back leads to the page before the form, never to the form
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.driver().getCurrentUrl().equals(weatherUrl() + "?before"));
        assertThat(browser.driver().getPageSource()).doesNotContain("Something I do not want seen");
    }

    @Test
    void quickExitIsAPlainLinkToTheNeutralPageWithoutScripts() {
        // given the form without scripts
        browser.scripts(false);
        browser.open(url("/complaint?lang=en"));

        // when the quick exit is pressed with the keyboard
        browser.find(By.id("quick-exit")).sendKeys(Keys.ENTER);

        // then the browser is on the neutral page
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.driver().getCurrentUrl().equals(weatherUrl()));
    }

    @Test
    void answersEveryPageWithAStrictPolicyNoStoreNoReferrerToOtherSitesAndNoCookie() throws Exception {
        // given the form, its receipt and the front page
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(url("/complaint?lang=en"))).GET());
        HttpResponse<String> front = send(HttpRequest.newBuilder(URI.create(url("/?lang=kk"))).GET());
        HttpResponse<String> receipt = send(formPost(url("/complaint"),
                "http://localhost:" + IntakeHarness.port(intake)));

        // then each is a page that keeps no trace, and the form post from the page's own origin is accepted
        assertThat(front.statusCode()).isEqualTo(302);
        assertThat(front.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/complaint?lang=kk"));
        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(200);
        assertThat(receipt.body()).contains("id=\"trackingCode\"");
        for (HttpResponse<String> page : List.of(form, receipt)) {
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(
                    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; "
                            + "frame-ancestors 'none'; base-uri 'none'");
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(page.headers().map()).doesNotContainKey("set-cookie");
            assertThat(page.body()).doesNotContain("<script>", "<style", "style=\"")
                    .doesNotContainPattern("(src|href)=\"(?!/|#|" + weatherUrl() + "|http://status.hotline.example/)");
        }
    }

    @Test
    void refusesAFormPostFromAnotherSitesPageAndStoresNothing() throws Exception {
        // given a page of another site that posts the form
        int before = Brokers.readCommitted(broker, COMPLAINTS).size();

        // when its post arrives
        HttpResponse<String> refused = send(formPost(url("/complaint"), "https://evil.example"));

        // then it is refused and nothing is stored
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("cross-origin-request");
        assertThat(Brokers.readCommitted(broker, COMPLAINTS)).hasSize(before);
    }

    private static void fillIn(String description, String mode) {
        fillIn(browser, description, mode);
    }

    /** Answers every required question of the form, as a person from Pertsevka would; also for ComplaintLimitIT. */
    static void fillIn(Browser browser, String description, String mode) {
        browser.find(By.id("category-SEXUAL_HARASSMENT")).click();
        browser.find(By.id("category-EXTORTION")).click();
        browser.find(By.id("incident.description")).sendKeys(description);
        browser.find(By.id("ongoing-yes")).click();
        new Select(browser.find(By.id("location.region"))).selectByValue("KZ-39");
        browser.find(By.id("location.settlement")).sendKeys("Pertsevka");
        new Select(browser.find(By.id("workplace.sector"))).selectByValue("PUBLIC");
        new Select(browser.find(By.id("workplace.type"))).selectByValue("SCHOOL");
        new Select(browser.find(By.id("accused.role"))).selectByValue("HEAD_OF_ORGANIZATION");
        browser.find(By.id("accused.publicOfficial")).click();
        browser.find(By.id("mode-" + mode)).click();
    }

    private static void next() {
        browser.findAll(By.cssSelector(".steps-nav button")).stream().filter(WebElement::isDisplayed)
                .filter(button -> !button.getAttribute("class").contains("secondary")).findFirst().orElseThrow()
                .click();
    }

    /** The complaint's event on the topic, once committed, found by the reference the receipt showed. */
    private static JsonNode event(String reference) {
        ConsumerRecord<String, byte[]> record = Awaitility.await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Brokers.readCommitted(broker, COMPLAINTS).stream()
                        .filter(candidate -> JSON.readTree(candidate.value()).get("reference").stringValue()
                                .equals(reference))
                        .findFirst(), found -> found.isPresent()).orElseThrow();
        return JSON.readTree(record.value());
    }

    private static HttpRequest.Builder formPost(String url, String origin) {
        Map<String, String> fields = Map.of("lang", "en", "idempotencyKey", UUID.randomUUID().toString(),
                "incident.categories", "EXTORTION", "incident.description", "Asked for money.",
                "location.country", "KZ", "complainant.mode", "ANONYMOUS");
        String body = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String url(String path) {
        return "http://localhost:" + IntakeHarness.port(intake) + path;
    }

    private static String weatherUrl() {
        return "http://localhost:" + weather.getAddress().getPort() + "/weather";
    }
}
