package dev.fulcrum.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * What every page inlines, read once from the classpath: the style sheet, Apache ECharts and the bootstrap script.
 *
 * <p>ECharts is the webjar's {@code echarts.common.min.js} (line, bar, scatter, pie, with grid, legend, tooltip,
 * markLine, markArea, dataZoom; 650 KB), so a page needs no network. The bootstrap script is the convention the
 * browser tests rely on:
 * <ul>
 *   <li>every {@code <div class="chart" id="ID">} is drawn from the JSON in {@code <script type="application/json"
 *       id="chart-data-ID">} ({@link Chart}, {@code chart.jte});</li>
 *   <li>{@code window.fulcrumCharts[ID]} is that chart's ECharts instance;</li>
 *   <li>once every chart has fired ECharts' {@code finished} event (at once when a page has none),
 *       {@code document.documentElement.dataset.chartsDrawn} is {@code "true"}.</li>
 * </ul>
 */
public final class PageAssets {

    private static final String WEBJAR = "META-INF/resources/webjars/echarts/";
    private static final String CSS = text("dev/fulcrum/html/page.css");
    private static final String BOOTSTRAP = text("dev/fulcrum/html/charts.js");
    private static final String ECHARTS = echartsLibrary();

    private PageAssets() {
    }

    public static String css() {
        return CSS;
    }

    /** The ECharts library, for a {@code <script>} element. */
    public static String echarts() {
        return ECHARTS;
    }

    /** The script that draws every chart of the page; it must come after the last chart. */
    public static String bootstrap() {
        return BOOTSTRAP;
    }

    private static String echartsLibrary() {
        Properties webjar = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/echarts/pom.properties")) {
            webjar.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String library = text(WEBJAR + webjar.getProperty("version") + "/dist/echarts.common.min.js");
        if (library.toLowerCase(Locale.ROOT).contains("</script")) {
            throw new IllegalStateException("the ECharts build contains </script and cannot be inlined");
        }
        return library;
    }

    private static String text(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the classpath", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = PageAssets.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath of fulcrum-html");
        }
        return in;
    }
}
