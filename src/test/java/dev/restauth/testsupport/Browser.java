package dev.restauth.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driving the console, for the browser tests. One browser per test run
 * (starting one costs seconds), and a second one for tests that need two people: tests take
 * them as parameters ({@code @ExtendWith(Browser.Tests.class)}),
 * and {@link #fresh()} gives each a browser without cookies. The machine's chromium and
 * chromedriver are named explicitly, so Selenium Manager never looks for, or downloads, either.
 */
public final class Browser implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(390, 844);

    private static final Path SCREENSHOTS = Path.of(System.getProperty("restauth.screenshots", "target/screenshots"));

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    /** A second browser, with cookies of its own: another person at another computer. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface Other {}

    /** Lets a test method take the shared Browser (and the {@link Other} one) as parameters. */
    public static final class Tests implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
            return parameter.getParameter().getType() == Browser.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
            String which = parameter.isAnnotated(Other.class) ? "other" : "first";
            // The root store closes them (AutoCloseable) when the whole run ends.
            return extension
                    .getRoot()
                    .getStore(ExtensionContext.Namespace.create(Browser.class))
                    .getOrComputeIfAbsent(which, key -> new Browser(), Browser.class);
        }
    }

    private Browser() {
        ChromeOptions options = Chromium.options(DESKTOP.width, DESKTOP.height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(Chromium.service(), options);
        wait = new WebDriverWait(driver, PATIENCE);
    }

    @Override
    public void close() {
        driver.quit();
    }

    public WebDriver driver() {
        return driver;
    }

    /** No cookies, the desktop size, the browser log emptied: as if a new person opened it. */
    public Browser fresh() {
        driver.get(Http.BASE.resolve("/console/favicon.svg").toString());
        // Every cookie, not only those this page sees: deleteAllCookies() would leave the refresh
        // cookie (Path=/api/session/refresh/), and the console would silently resume that session.
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.manage().window().setSize(DESKTOP);
        driver.manage().logs().get(LogType.BROWSER);
        return this;
    }

    /** Opens a console page: {@code open("#/tokens")}. */
    public Browser open(String hash) {
        driver.get(URI.create(Http.BASE + "/console/" + hash).toString());
        return this;
    }

    /** Opens the console, signs in through the form and waits for the account page. */
    public Browser signIn(TestUsers.Credentials user) {
        open("#/signin");
        fill(By.name("username"), user.username());
        fill(By.name("password"), user.password());
        click(By.cssSelector("#signin-form button[type=submit]"));
        waitForText(By.id("account-username"), user.username());
        return this;
    }

    public WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public Browser fill(By by, String text) {
        WebElement input = find(by);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    public Browser click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
        return this;
    }

    /** Accepts the window.confirm() a dangerous button asks first. */
    public Browser confirm() {
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        return this;
    }

    /** Waits until the element shows this text (or contains it), then returns its whole text. */
    public String waitForText(By by, String text) {
        // A wait of its own: withMessage() changes the wait it is called on, and a shared one
        // would blame a later timeout on this text.
        new WebDriverWait(driver, PATIENCE)
                .withMessage(() -> "waiting for \"" + text + "\" in " + by + "; the page says: " + pageText())
                .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return find(by).getText();
    }

    public String pageText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException gone) {
            return "(no page)";
        }
    }

    public String currentHash() {
        return (String) ((JavascriptExecutor) driver).executeScript("return location.hash;");
    }

    /**
     * Writes target/screenshots/NAME.png at desktop size, and NAME-phone.png at a phone's
     * width when asked, so that both layouts can be looked at after a run.
     */
    public Browser screenshot(String name, boolean phoneToo) {
        save(name);
        if (phoneToo) {
            driver.manage().window().setSize(PHONE);
            save(name + "-phone");
            driver.manage().window().setSize(DESKTOP);
        }
        return this;
    }

    private void save(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails on what the page's console reported that a person would never see: a script error,
     * or anything the Content-Security-Policy blocked. (Answers such as a 401 the console
     * handles are logged by Chromium too, as failed loads; those are expected.)
     */
    public void assertNoScriptErrors() {
        List<String> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource"))
                .toList();
        assertEquals(List.of(), problems, "the browser's console reported errors");
    }

    /** The value of the page's cookie of this name, as the browser keeps it (HttpOnly ones included). */
    public org.openqa.selenium.Cookie cookie(String name) {
        org.openqa.selenium.Cookie cookie = driver.manage().getCookieNamed(name);
        assertTrue(
                cookie != null, "no cookie " + name + " in " + driver.manage().getCookies());
        return cookie;
    }
}
