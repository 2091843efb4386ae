package org.hotline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: the pages tested as a person uses them. One
 * per test class (starting one takes about a second); {@link #close} ends the browser and deletes its profile.
 *
 * <p>The browser is {@code /usr/bin/chromium} and the driver {@code /usr/bin/chromedriver} (Debian's
 * {@code chromium} and {@code chromium-driver}, which {@code ./test.sh} installs), or the paths in the environment
 * variables {@code CHROMIUM} and {@code CHROMEDRIVER}. Selenium Manager, which would download a driver, is never
 * asked: the machines that run the tests need not reach the internet. When either is missing the test is skipped
 * with the packages to install, except under {@code CI=true}, where it fails: there a skipped browser test would let
 * a broken page through. It starts with a fresh profile (no history, no cookie from an earlier run), without the
 * browser's own calls home, with a phone's window (412 by 915), the size the complaint form is written for.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private boolean scripts = true;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a browser, or skips the test (fails it under {@code CI=true}) when Chromium is not installed. */
    public static Browser start() {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            String message = String.format("the browser tests need %s and %s: install Debian's chromium and "
                    + "chromium-driver packages (apt-get install -y chromium chromium-driver, or run ./test.sh as "
                    + "root), or set CHROMIUM and CHROMEDRIVER to their paths", chromium, chromedriver);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort("skipped: " + message);
        }
        // Selenium Manager would otherwise look for (and download) a driver of its choosing.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver.toString());
        try {
            Path profile = Files.createTempDirectory("hotline-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=412,915", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /**
     * Clicks what sends a form ({@code button}) and waits until the browser has left the page and loaded the answer,
     * so that what is looked up next is on the answer, never on the page that was just sent (a click returns before
     * the navigation) nor on one still being built (Chromium then answers "Node with given id does not belong to the
     * document" for an element found a moment before).
     */
    public void submit(By button) {
        clickAndWaitForTheNextPage(button);
    }

    /** Clicks a link and waits, as {@link #submit} does, until the page it leads to is loaded. */
    public void follow(By link) {
        clickAndWaitForTheNextPage(link);
    }

    private void clickAndWaitForTheNextPage(By what) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(what).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(left -> gone(page));
        wait.until(loaded -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /**
     * Whether the element's page has been left. Selenium's own {@code stalenessOf} waits for a stale element
     * reference, but Chromium, asked about an element whose document it is replacing, may answer instead with
     * "unhandled inspector error: Node with given id does not belong to the document" (Selenium issue 15401), which
     * means the same and failed a CI run; both are taken as gone.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Turns the pages' own scripts off (or on again) in this tab, as for a person whose browser runs none: the
     * pages must work as plain forms. It holds for the pages loaded from then on; {@link #assertAccessible} turns
     * scripts on for its own run and off again, which does not run the page's scripts that did not run.
     */
    public void scripts(boolean enabled) {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !enabled));
        scripts = enabled;
    }

    /**
     * Runs Deque's axe-core rules (WCAG 2.0, 2.1 and 2.2, A and AA, and its best practices) on the page as it is
     * shown now, and fails with every violation, its rule, its help and the elements it found, whatever its impact.
     */
    public void assertAccessible() {
        boolean off = !scripts;
        if (off) {
            scripts(true);
        }
        Results results;
        try {
            results = new AxeBuilder().analyze(driver);
        } finally {
            if (off) {
                scripts(false);
            }
        }
        assertThat(results.isErrored()).as("axe ran on %s: %s", driver.getCurrentUrl(), results.getErrorMessage())
                .isFalse();
        assertThat(results.getViolations()).as("axe violations on %s:%n%s", driver.getCurrentUrl(),
                describe(results.getViolations())).isEmpty();
    }

    /**
     * Saves the whole page, not only the window, as {@code target/screenshots/<name>.png} (the module's), for a
     * person to look at after the run.
     */
    @SuppressWarnings("unchecked")
    public Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"),
                "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (var paths = Files.walk(profile)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(List<Rule> violations) {
        return violations.stream().map(rule -> String.format("  %s (%s): %s%n%s", rule.getId(), rule.getImpact(),
                        rule.getHelp(), rule.getNodes().stream().map(Browser::describe)
                                .collect(Collectors.joining(System.lineSeparator()))))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    private static String describe(CheckedNode node) {
        return "    " + node.getTarget() + ": " + node.getFailureSummary();
    }
}
