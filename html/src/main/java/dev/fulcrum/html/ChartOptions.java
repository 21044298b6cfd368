package dev.fulcrum.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pieces of ECharts options (https://echarts.apache.org/en/option.html) that the pages' charts share, as plain maps
 * and lists for {@link Chart#of}. Keys keep their order and values may be {@code null} (JSON {@code null}: ECharts
 * leaves such a point out), which {@link Map#of} allows neither of.
 */
public final class ChartOptions {

    private ChartOptions() {
    }

    /** An object from alternating keys and values: {@code object("type", "value", "min", 0)}. */
    public static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must alternate: " + Arrays.toString(keysAndValues));
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    /** A list that may hold {@code null}s. */
    public static List<Object> list(Object... elements) {
        return new ArrayList<>(Arrays.asList(elements));
    }

    /**
     * A numeric axis named {@code name}; {@code min} and {@code max} are numbers, {@code "dataMin"}/{@code "dataMax"},
     * or {@code null} (ECharts picks them).
     */
    public static Map<String, Object> valueAxis(String name, Object min, Object max) {
        return object("type", "value", "name", name, "nameLocation", "middle", "nameGap", 28, "min", min, "max", max);
    }

    /** A ratio axis from 0 to 1, as accuracies take. */
    public static Map<String, Object> ratioAxis(String name) {
        return valueAxis(name, 0, 1);
    }

    /** The frame every chart shares: no animation (drawn once, the same every time), a tooltip, a legend. */
    public static Map<String, Object> base(Object xAxis, Object yAxis, List<?> series) {
        return object("animation", false,
                "tooltip", object("trigger", "item"),
                "legend", object("top", 0, "type", "scroll"),
                "grid", object("left", 64, "right", 24, "top", 40, "bottom", 48),
                "xAxis", xAxis, "yAxis", yAxis, "series", series);
    }
}
