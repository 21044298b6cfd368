package dev.fulcrum.plugins.fairnessmitigation;

import dev.fulcrum.api.InvalidInputException;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Sensitive attributes as numeric columns: one indicator column per value of each attribute, but
 * for the first value in sorted order (the reference), whose rows are all zeros, so that the
 * columns are not collinear with the intercept.
 */
final class SensitiveEncoding {

    /** State key prefix of a level: {@code level/<attribute>/<value>} (URL-encoded) to its column, -1 for the reference. */
    static final String LEVEL = "level/";

    /** Attribute, then value, to its column (-1 for the reference value). */
    private final Map<String, Map<String, Integer>> columns;
    private final int width;

    private SensitiveEncoding(Map<String, Map<String, Integer>> columns) {
        this.columns = columns;
        this.width = (int) columns.values().stream().flatMap(m -> m.values().stream()).filter(c -> c >= 0).count();
    }

    static SensitiveEncoding fit(Map<String, String[]> sensitive, List<String> attributes) {
        Map<String, Map<String, Integer>> columns = new LinkedHashMap<>();
        int next = 0;
        for (String attribute : attributes) {
            TreeSet<String> values = new TreeSet<>(List.of(column(sensitive, attribute)));
            Map<String, Integer> levels = new LinkedHashMap<>();
            boolean reference = true;
            for (String value : values) {
                levels.put(value, reference ? -1 : next++);
                reference = false;
            }
            columns.put(attribute, levels);
        }
        return new SensitiveEncoding(columns);
    }

    /** The number of indicator columns. */
    int width() {
        return width;
    }

    /** Indicator columns, row by row, {@code [rows * width]}. */
    float[] indicators(Map<String, String[]> sensitive, int rows) {
        float[] matrix = new float[rows * width];
        columns.forEach((attribute, levels) -> {
            String[] values = column(sensitive, attribute);
            for (int row = 0; row < rows; row++) {
                Integer column = levels.get(values[row]);
                if (column == null) {
                    throw new InvalidInputException("correlation-remover: attribute \"" + attribute + "\" has the value \"" + values[row]
                            + "\" in row " + (row + 1) + ", which the training rows did not have; known: " + levels.keySet());
                }
                if (column >= 0) {
                    matrix[row * width + column] = 1f;
                }
            }
        });
        return matrix;
    }

    /** The levels as state keys. */
    Map<String, Integer> keys() {
        Map<String, Integer> keys = new LinkedHashMap<>();
        columns.forEach((attribute, levels) -> levels.forEach((value, column) ->
                keys.put(LEVEL + encode(attribute) + "/" + encode(value), column)));
        return keys;
    }

    /** The encoding that {@link #keys()} describes; keys not starting with {@link #LEVEL} are ignored. */
    static SensitiveEncoding fromKeys(Map<String, Integer> keys) {
        Map<String, Map<String, Integer>> columns = new LinkedHashMap<>();
        keys.forEach((key, column) -> {
            if (!key.startsWith(LEVEL)) {
                return;
            }
            String rest = key.substring(LEVEL.length());
            int slash = rest.indexOf('/');
            columns.computeIfAbsent(decode(rest.substring(0, slash)), a -> new LinkedHashMap<>())
                    .put(decode(rest.substring(slash + 1)), column);
        });
        return new SensitiveEncoding(columns);
    }

    List<String> attributes() {
        return new ArrayList<>(columns.keySet());
    }

    private static String[] column(Map<String, String[]> sensitive, String attribute) {
        String[] values = sensitive.get(attribute);
        if (values == null) {
            throw new InvalidInputException("correlation-remover needs the sensitive attribute \"" + attribute
                    + "\", which the rows do not have; they have " + sensitive.keySet());
        }
        return values;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
