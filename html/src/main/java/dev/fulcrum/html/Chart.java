package dev.fulcrum.html;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One chart of a page: an Apache ECharts option (https://echarts.apache.org/en/option.html) under an element id.
 * {@code chart.jte} writes it as {@code <div class="chart" id="ID">} and the option as JSON in
 * {@code <script type="application/json" id="chart-data-ID">}; the page's bootstrap script draws it (see
 * {@link PageAssets#bootstrap()}).
 */
public final class Chart {

    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private final String id;
    private final String scriptJson;

    private Chart(String id, String scriptJson) {
        this.id = id;
        this.scriptJson = scriptJson;
    }

    /**
     * A chart of {@code option}, a tree of maps, lists and plain values as ECharts reads it.
     *
     * @param id letters, digits, {@code -} and {@code _}, starting with a letter, unique on its page
     */
    public static Chart of(String id, Map<String, ?> option) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("chart id must be letters, digits, - and _, starting with a letter, got \""
                    + id + "\"");
        }
        return new Chart(id, ChartJson.write(option));
    }

    public String id() {
        return id;
    }

    /** The option as JSON, escaped for a script element by {@link ChartJson#forScript}. */
    public String scriptJson() {
        return scriptJson;
    }
}
