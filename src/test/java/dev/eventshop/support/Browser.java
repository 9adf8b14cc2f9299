package dev.eventshop.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;

/**
 * Debian's headless Chromium, driven by Selenium through Debian's chromedriver (no download: this machine has no
 * internet). A fresh browser profile per test; when a test fails, a screenshot and the page's HTML are saved
 * under {@code target/browser-failures/}. Install the browser with {@code apt-get install chromium
 * chromium-driver}, or point {@code -Dbrowser.chromium} and {@code -Dbrowser.chromedriver} elsewhere.
 */
public class Browser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    private static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    private static final Path FAILURES = Path.of("target", "browser-failures");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private WebDriver driver;
    private Path profile;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver (see README)");
        }
        profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        // the machine has no internet: no background calls home that would only fail
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-quic", "--no-first-run", "--window-size=1440,900",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        if (context.getExecutionException().isPresent() && driver != null) {
            save(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** A screenshot and the HTML of the page as it is now, under {@code target/browser-failures/}. */
    public void save(String name) throws IOException {
        Files.createDirectories(FAILURES);
        byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(FAILURES.resolve(name + ".png"), png);
        Files.writeString(FAILURES.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** Clicks the element, finding it again if the page redrew it meanwhile (the dashboard redraws its tables). */
    public void click(String css) {
        await(d -> {
            d.findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    /** The element's text, read again if the page redrew it meanwhile. */
    public String text(String css) {
        return await(d -> d.findElement(By.cssSelector(css)).getText());
    }

    /** Waits (up to 30 s) until the condition holds and answers its value. */
    public <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, PATIENCE).ignoring(RuntimeException.class).until(condition);
    }

    /** Waits until the element's text contains the given text, and answers the element. */
    public WebElement awaitText(String css, String text) {
        return await(d -> {
            WebElement element = d.findElement(By.cssSelector(css));
            return element.getText().contains(text) ? element : null;
        });
    }
}
