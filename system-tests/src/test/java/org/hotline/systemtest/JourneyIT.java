package org.hotline.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.hotline.systemtest.HotlineSystem.Instance;
import org.hotline.testsupport.Browser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One complaint as the people involved meet it, on the system as deployed (the images with their dev configuration,
 * two instances of each service, the mail catcher as the SMTP server) on a Kafka cluster shaped like production (the
 * deployment {@link SecuredDeployment} shares with SecuredClusterIT), in a real headless Chromium: a complainant
 * sends the form in Kazakh and keeps her receipt; a body opens the link in the email the mail catcher received and
 * confirms receipt with its registration number; the complainant follows her receipt's link to the status page and
 * sees that number; a caseworker finds it in the console of the other case instance.
 *
 * <p>The pages' own tests (intake's {@code ComplaintFormIT}, the case service's {@code PagesIT} and
 * {@code ConsoleIT}) hold their details; this one proves what joins them only when deployed: the link notification
 * writes into an email (its base address and key) opens the case service and passes its check, the receipt's link
 * reaches the status page, and every case instance answers for every case. axe checks each page; screenshots go to
 * {@code target/screenshots}.
 */
@ExtendWith(SecuredDeployment.class)
class JourneyIT {

    private static final Logger log = LoggerFactory.getLogger(JourneyIT.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+/ack/[A-Za-z0-9_.-]+");
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000, 36);
    private static final String REGISTRATION_NUMBER = "ЖТ-2026/" + RUN;

    private static HotlineSystem system;
    private static Browser browser;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An email to a body as the SMTP server received it: the link in its text and the language it is written in. */
    private record BodyEmail(String to, String link, String language) {
    }

    @BeforeAll
    static void deploy() {
        system = SecuredDeployment.system();
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aComplaintSentFromTheFormIsConfirmedThroughTheLinkInTheBodysEmailAndTheComplainantAndCaseworkerSeeIt() {
        // given a complainant who sends the form in Kazakh and keeps her receipt
        browser.open(system.intakes().get(0).resolve("/complaint?lang=kk").toString());
        fillIn("Мектеп директоры жұмыстан шығарамын деп қорқытып, ақша талап етті.");
        browser.submit(By.id("send"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Өтінішіңіз қабылданды");
        String reference = browser.find(By.id("reference")).getText();
        String trackingCode = browser.find(By.id("trackingCode")).getText();
        String statusLink = browser.find(By.cssSelector("a[href*='/status']")).getAttribute("href");
        browser.screenshot("journey-1-receipt-kk");
        log.info("complaint {} sent from the form; its receipt links to {}", reference, statusLink);

        // when a body opens the link in the email the SMTP server received for it, and confirms receipt
        BodyEmail email = await().alias("an email to a body about " + reference + ", with its link")
                .atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> emailToABody(reference), Optional::isPresent).orElseThrow();
        log.info("the email to {} (in {}) links to {}", email.to(), email.language(), email.link());
        browser.open(email.link());
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo(email.language());
        assertThat(browser.find(By.tagName("h1")).getText()).endsWith(reference);
        browser.assertAccessible();
        browser.screenshot("journey-2-acknowledgement-" + email.language());
        browser.find(By.id("registrationNumber")).sendKeys(REGISTRATION_NUMBER);
        browser.submit(By.cssSelector("form button[type=submit]"));
        assertThat(browser.find(By.tagName("main")).getText()).contains(REGISTRATION_NUMBER);
        browser.screenshot("journey-3-acknowledged-" + email.language());

        // then the complainant, following her receipt's link, reads the number on the status page
        assertThat(statusLink).startsWith(system.api(HotlineSystem.Part.CASE.instance(1)) + "/status");
        await().alias("the status page showing the body's registration number").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    browser.open(statusLink);
                    browser.find(By.id("reference")).sendKeys(reference);
                    browser.find(By.id("trackingCode")).sendKeys(trackingCode);
                    browser.submit(By.cssSelector("form button[type=submit]"));
                    return browser.find(By.tagName("main")).getText().contains(REGISTRATION_NUMBER);
                });
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("kk");
        browser.assertAccessible();
        browser.screenshot("journey-4-status-kk");

        // and a caseworker, signed in to the console of the other case instance, finds it in the case
        Instance other = HotlineSystem.Part.CASE.instance(2);
        URI console = system.api(other);
        browser.open("http://dev-staff:dev-staff-password@" + console.getAuthority() + "/console?lang=ru");
        browser.open(console.resolve("/console/cases/" + reference + "?lang=ru").toString());
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Обращение " + reference);
        assertThat(browser.find(By.tagName("main")).getText()).contains(REGISTRATION_NUMBER);
        browser.assertAccessible();
        browser.screenshot("journey-5-console-ru");
    }

    /**
     * Answers every question as a school cloakroom attendant from Pertsevka would, confidential, one step at a time
     * as the form shows them on a phone with its scripts on.
     */
    private static void fillIn(String description) {
        browser.find(By.id("category-SEXUAL_HARASSMENT")).click();
        browser.find(By.id("category-EXTORTION")).click();
        browser.find(By.id("incident.description")).sendKeys(description);
        browser.find(By.id("ongoing-yes")).click();
        next();
        new Select(browser.find(By.id("location.region"))).selectByValue("KZ-39");
        browser.find(By.id("location.settlement")).sendKeys("Pertsevka");
        new Select(browser.find(By.id("workplace.sector"))).selectByValue("PUBLIC");
        new Select(browser.find(By.id("workplace.type"))).selectByValue("SCHOOL");
        next();
        new Select(browser.find(By.id("accused.role"))).selectByValue("HEAD_OF_ORGANIZATION");
        browser.find(By.id("accused.publicOfficial")).click();
        next();
        browser.find(By.id("mode-CONFIDENTIAL")).click();
        browser.find(By.id("complainant.phone")).sendKeys("+7 705 555 0142");
    }

    /** The step's Next button (the visible one that is not Back). */
    private static void next() {
        browser.findAll(By.cssSelector(".steps-nav button")).stream().filter(WebElement::isDisplayed)
                .filter(button -> !button.getAttribute("class").contains("secondary")).findFirst().orElseThrow()
                .click();
    }

    /**
     * The first message the mail catcher holds about the complaint that carries an acknowledgement link, read from
     * the message itself (its plain text part), not from the catcher's listing of links.
     */
    private Optional<BodyEmail> emailToABody(String reference) throws IOException, InterruptedException,
            MessagingException {
        JsonNode listing = JSON.readTree(get(system.mailbox().resolve("/api/messages")));
        for (JsonNode entry : listing) {
            boolean aboutIt = StreamSupport.stream(entry.get("references").spliterator(), false)
                    .anyMatch(named -> named.stringValue().equals(reference));
            if (!aboutIt || entry.get("acknowledgementLinks").isEmpty()) {
                continue;
            }
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(get(system.mailbox().resolve(entry.get("url").stringValue()))
                            .getBytes(StandardCharsets.UTF_8)));
            String text = plainText(message);
            Matcher link = LINK.matcher(text == null ? "" : text);
            assertThat(link.find()).as("a link in the text of the email to %s", entry.get("to")).isTrue();
            return Optional.of(new BodyEmail(entry.get("to").get(0).stringValue(), link.group(),
                    message.getHeader("Content-Language")[0]));
        }
        return Optional.empty();
    }

    private static @Nullable String plainText(Part part) throws IOException, MessagingException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = plainText(child);
                if (text != null && !Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                    return text;
                }
            }
        }
        return null;
    }

    private String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", uri).isEqualTo(200);
        return response.body();
    }
}
