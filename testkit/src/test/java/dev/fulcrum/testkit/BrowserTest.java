package dev.fulcrum.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.logging.LogEntry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser of the page tests, on small pages of its own: offline, console, chart convention, screenshot. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {

    /** A page that keeps the chart convention with a stand-in for an ECharts instance, drawn a moment after loading. */
    private static final String CHARTED = """
            <!doctype html><html><head><meta charset="utf-8"><title>charted</title></head><body>
            <div class="chart" id="curve"></div>
            <script>
              window.fulcrumCharts = {curve: {getOption: function () { return {series: [{data: [[1, 0.5], [2, 0.75]]}]}; }}};
              setTimeout(function () { document.documentElement.dataset.chartsDrawn = "true"; }, 200);
            </script></body></html>
            """;

    @TempDir
    Path pages;
    private Browser browser;

    @BeforeAll
    void start() {
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    private Path page(String name, String html) throws IOException {
        return Files.writeString(pages.resolve(name), html);
    }

    @Test
    void aRequestForAnHttpAddressFailsAndIsLoggedAsAnError() throws IOException {
        browser.open(page("remote.html", """
                <!doctype html><html><body><img src="http://example.com/logo.png"></body></html>
                """));
        List<LogEntry> errors = browser.severe();
        assertTrue(errors.stream().anyMatch(e -> e.getMessage().contains("http://example.com/logo.png")
                && e.getMessage().contains("net::ERR_INTERNET_DISCONNECTED")), errors.toString());
    }

    @Test
    void aPageKeepingTheChartConventionGivesItsChartsData() throws IOException {
        browser.open(page("charted.html", CHARTED)).awaitCharts();
        assertEquals(List.of("curve"), browser.chartIds());
        JsonNode data = browser.chart("curve").at("/series/0/data");
        assertEquals("[[1,0.5],[2,0.75]]", data.toString());
        assertEquals(List.of(), browser.severe());
    }

    @Test
    void chartsThatNeverDrawFailWithTheConsoleErrors() throws IOException {
        browser.open(page("broken.html", """
                <!doctype html><html><body><script>window.fulcrumCharts = {}; drawEverything();</script></body></html>
                """));
        AssertionError error = assertThrows(AssertionError.class, () -> browser.awaitCharts(Duration.ofMillis(500)));
        assertTrue(error.getMessage().contains("did not draw within 500 ms")
                && error.getMessage().contains("drawEverything is not defined"), error.getMessage());
        AssertionError missing = assertThrows(AssertionError.class, () -> browser.chart("curve"));
        assertTrue(missing.getMessage().contains("no chart curve"), missing.getMessage());
    }

    @Test
    void aScreenshotIsAPngOfThePage() throws IOException {
        Path png = browser.open(page("shot.html", CHARTED)).awaitCharts()
                .screenshot(pages.resolve("shots/shot.png"), 800, 1200);
        byte[] magic = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, magic);
    }

    @Test
    void aMissingBrowserFailsSayingHowToInstallIt() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> Browser.start(pages.resolve("no-chromium"), Browser.CHROMEDRIVER));
        assertEquals(pages.resolve("no-chromium") + " is missing: the browser tests need Debian's Chromium and its driver; "
                + "install them with: apt-get install -y chromium chromium-driver", error.getMessage());
    }
}
