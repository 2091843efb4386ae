package org.hotline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The harness itself: its accessibility check fails on a page with a violation, and its screenshots are files. */
class BrowserIT {

    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theAccessibilityCheckFailsOnAFieldWithoutALabelAndAPageWithoutALanguage() {
        // given a page with neither
        browser.open(page("<!DOCTYPE html><html><head><title>Form</title></head><body><main><h1>Form</h1>"
                + "<form><input type=\"text\" name=\"name\"></form></main></body></html>"));

        // when checked, then both violations are named
        assertThatThrownBy(browser::assertAccessible).isInstanceOf(AssertionError.class)
                .hasMessageContaining("label").hasMessageContaining("html-has-lang");
    }

    @Test
    void theAccessibilityCheckPassesAPageWithItsLanguageAndLabelsEvenWithScriptsOff() {
        // given a page with its language and a labelled field, with the page's scripts off
        browser.scripts(false);
        browser.open(page("<!DOCTYPE html><html lang=\"kk\"><head><title>Өтініш</title></head><body><main>"
                + "<h1>Өтініш</h1><form><label for=\"name\">Атыңыз</label><input id=\"name\" type=\"text\">"
                + "</form></main></body></html>"));

        // when checked, then it passes, and scripts are off again
        browser.assertAccessible();
        browser.scripts(true);
        assertThat(browser.find(By.id("name")).isDisplayed()).isTrue();
    }

    @Test
    void aScreenshotIsAPngOfTheWholePage() throws Exception {
        // given a page taller than the window
        browser.open(page("<!DOCTYPE html><html lang=\"en\"><head><title>Tall</title></head><body>"
                + "<main><h1>Tall</h1>" + "<p>line</p>".repeat(200) + "</main></body></html>"));

        // when it is saved
        Path file = browser.screenshot("browser-self-test");

        // then it is a PNG under target/screenshots
        assertThat(file).isEqualTo(Path.of("target", "screenshots", "browser-self-test.png"));
        byte[] png = Files.readAllBytes(file);
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    private static String page(String html) {
        return "data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
