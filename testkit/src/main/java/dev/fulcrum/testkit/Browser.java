package dev.fulcrum.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.run.Json;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * A headless Chromium with the network off, for tests of Fulcrum's HTML pages: open a local file,
 * wait until its charts have drawn, read the browser console and each chart's data, save a
 * screenshot. One browser serves a test class; {@link #close()} ends it.
 *
 * <p>Debian's {@code chromium} and {@code chromium-driver} are used as installed, never
 * downloaded: the driver executable and the browser binary are set explicitly, so Selenium Manager
 * (which would fetch a driver) is not consulted. A missing one fails the test with how to install it.
 *
 * <p>The chart convention of the pages ({@code fulcrum-html}): every chart's ECharts instance is
 * {@code window.fulcrumCharts[id]}, and {@code document.documentElement.dataset.chartsDrawn} becomes
 * {@code "true"} once all of them have drawn.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration CHARTS_TIMEOUT = Duration.ofSeconds(30);
    /** A proxy on a port nothing listens on (the discard port): any request that bypasses the offline emulation fails too. */
    private static final String CLOSED_PROXY = "127.0.0.1:9";

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Debian's Chromium and its driver, from {@code /usr/bin}. */
    public static Browser start() {
        return start(CHROMIUM, CHROMEDRIVER);
    }

    /** A browser from these binaries, 1280 x 900 pixels, headless, offline. */
    public static Browser start(Path chromium, Path chromedriver) {
        for (Path binary : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(binary)) {
                throw new AssertionError(binary + " is missing: the browser tests need Debian's Chromium and its driver; "
                        + "install them with: apt-get install -y chromium chromium-driver");
            }
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .withLogOutput(OutputStream.nullOutputStream()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // --no-sandbox: CI containers run as root, where Chromium's sandbox refuses to start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--proxy-server=" + CLOSED_PROXY, "--proxy-bypass-list=<-loopback>",
                "--no-first-run", "--disable-extensions", "--disable-background-networking");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            // Chrome DevTools Protocol, Network domain: every request fails as it would without a network.
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.emulateNetworkConditions",
                    Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        } catch (RuntimeException e) {
            driver.quit();
            throw e;
        }
        return new Browser(driver);
    }

    /** Opens a local file, dropping what the console said before. */
    public Browser open(Path file) {
        driver.manage().logs().get(LogType.BROWSER);
        driver.get(file.toAbsolutePath().toUri().toString());
        return this;
    }

    /** Waits until the page says every chart has drawn; fails after 30 seconds, with the console's errors. */
    public Browser awaitCharts() {
        return awaitCharts(CHARTS_TIMEOUT);
    }

    /** Waits until the page says every chart has drawn; fails after {@code timeout}, with the console's errors. */
    public Browser awaitCharts(Duration timeout) {
        try {
            new WebDriverWait(driver, timeout).until(d ->
                    "true".equals(script("return document.documentElement.dataset.chartsDrawn || null")));
        } catch (TimeoutException e) {
            throw new AssertionError("the charts of " + driver.getCurrentUrl() + " did not draw within "
                    + timeout.toMillis() + " ms; console errors: " + severeMessages(), e);
        }
        return this;
    }

    /** The console's SEVERE entries (script errors, failed loads) since the last call or {@link #open}. */
    public List<LogEntry> severe() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    private List<String> severeMessages() {
        return severe().stream().map(LogEntry::getMessage).toList();
    }

    /** The ids of the page's charts, in the order the page registered them. */
    public List<String> chartIds() {
        return Json.MAPPER.convertValue(json("return JSON.stringify(Object.keys(window.fulcrumCharts || {}))"),
                Json.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    /** A chart's option as ECharts holds it after drawing ({@code getOption()}), its data included. */
    public JsonNode chart(String id) {
        JsonNode option = json("var chart = (window.fulcrumCharts || {})[arguments[0]];"
                + " return chart ? JSON.stringify(chart.getOption()) : null;", id);
        if (option == null) {
            throw new AssertionError("no chart " + id + " on " + driver.getCurrentUrl() + "; charts: " + chartIds());
        }
        return option;
    }

    /** Runs a script in the page and returns its result. */
    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A script's string result parsed as JSON, or {@code null} when it returned none. */
    private JsonNode json(String script, Object... args) {
        Object text = script(script, args);
        if (text == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves a PNG of the whole page at this window width to {@code file} (its folder made): the
     * window grows to the page's height first, up to {@code maxHeight} pixels.
     */
    public Path screenshot(Path file, int width, int maxHeight) {
        driver.manage().window().setSize(new Dimension(width, 900));
        Number height = (Number) script("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(width, Math.min(maxHeight, height.intValue() + 100)));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The browser's version, as the driver reports it. */
    public String version() {
        return driver.getCapabilities().getBrowserVersion();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
