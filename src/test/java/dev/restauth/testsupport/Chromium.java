package dev.restauth.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for the browser tests: the machine's chromium and chromedriver
 * (Debian's packages, installed by .ci/run) named explicitly, so that Selenium Manager never
 * looks for, or downloads, either. Starting one costs seconds, so a run shares one: tests take it
 * as a parameter ({@code @ExtendWith(Chromium.Shared.class)}).
 */
public final class Chromium implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final Path SCREENSHOTS = Path.of(System.getProperty("restauth.screenshots", "target/screenshots"));

    private final ChromeDriver driver;

    /** Hands the run's one Chromium to a test method's parameter; closed when the run ends. */
    public static final class Shared implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
            return parameter.getParameter().getType() == Chromium.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
            return extension
                    .getRoot()
                    .getStore(ExtensionContext.Namespace.create(Chromium.class))
                    .getOrComputeIfAbsent(Chromium.class, key -> new Chromium(), Chromium.class);
        }
    }

    private Chromium() {
        driver = new ChromeDriver(service(), options(1280, 900));
    }

    /** The machine's chromedriver, named explicitly (never Selenium Manager), on a free port. */
    static ChromeDriverService service() {
        return new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("restauth.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
    }

    /** The machine's chromium, headless, quiet, in English, with a window of this size. */
    static ChromeOptions options(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("restauth.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox", // as root, in a container
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--lang=en-US",
                "--window-size=" + width + "," + height);
        return options;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait patiently() {
        return new WebDriverWait(driver, PATIENCE);
    }

    /** Writes target/screenshots/NAME.png, to look at after a run. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
