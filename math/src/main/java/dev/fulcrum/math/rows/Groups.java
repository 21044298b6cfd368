package dev.fulcrum.math.rows;

import dev.fulcrum.api.Experimental;
import dev.fulcrum.api.InvalidInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows grouped by one or more sensitive attributes: with several attributes, a group is one
 * observed combination of their values (an intersectional group). Groups are numbered from 0 in
 * the order of their values, sorted by the first attribute, then the second, and so on. Shared by
 * the auditors and mitigators that need the same groups.
 */
@Experimental
public final class Groups {

    /** Joins the values of an intersectional group in its name, e.g. {@code b & f}. */
    public static final String JOIN = " & ";

    /** Up to this many value combinations, rows are grouped through a lookup table instead of a sort. */
    private static final int TABLE_LIMIT = 1 << 22;

    private final List<String> attributes;
    private final int[] codes;
    private final List<List<String>> values;
    private final Map<List<String>, Integer> byValues = new HashMap<>();

    private Groups(List<String> attributes, int[] codes, List<List<String>> values) {
        this.attributes = List.copyOf(attributes);
        this.codes = codes;
        this.values = values;
        for (int g = 0; g < values.size(); g++) {
            byValues.put(values.get(g), g);
        }
    }

    /**
     * Groups rows by the given attributes.
     *
     * @throws InvalidInputException when an attribute is not among the rows' sensitive attributes
     */
    public static Groups of(Map<String, String[]> sensitive, List<String> attributes) {
        if (attributes.isEmpty()) {
            throw new IllegalArgumentException("group rows by at least one attribute");
        }
        int count = attributes.size();
        int[][] codes = new int[count][];
        List<List<String>> seen = new ArrayList<>();
        long combinations = 1;
        for (int a = 0; a < count; a++) {
            String[] column = sensitive.get(attributes.get(a));
            if (column == null) {
                throw new InvalidInputException("no sensitive attribute \"" + attributes.get(a) + "\"; the rows have "
                        + (sensitive.isEmpty() ? "none" : sensitive.keySet()));
            }
            List<String> values = new ArrayList<>();
            codes[a] = firstSeenCodes(attributes.get(a), column, values);
            seen.add(values);
            combinations = Math.multiplyExact(combinations, values.size());
        }
        int rows = codes[0].length;
        // A combination's code, in the order its values were first seen: c = ((c0 * n1) + c1) * n2 + c2 ...
        long[] combined = new long[rows];
        for (int a = 0; a < count; a++) {
            int[] column = codes[a];
            int levels = seen.get(a).size();
            for (int row = 0; row < rows; row++) {
                combined[row] = combined[row] * levels + column[row];
            }
        }
        long[] observed = distinct(combined, combinations);
        // Number the observed combinations in the sorted order of their values.
        List<List<String>> values = new ArrayList<>();
        for (long code : observed) {
            values.add(decode(code, seen));
        }
        Integer[] order = new Integer[observed.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> compare(values.get(x), values.get(y)));
        int[] rank = new int[observed.length];
        List<List<String>> sortedValues = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            rank[order[i]] = i;
            sortedValues.add(values.get(order[i]));
        }
        int[] groupOfRow = codes[0];
        if (combinations <= TABLE_LIMIT) {
            int[] table = new int[(int) combinations];
            for (int i = 0; i < observed.length; i++) {
                table[(int) observed[i]] = rank[i];
            }
            for (int row = 0; row < rows; row++) {
                groupOfRow[row] = table[(int) combined[row]];
            }
        } else {
            for (int row = 0; row < rows; row++) {
                groupOfRow[row] = rank[Arrays.binarySearch(observed, combined[row])];
            }
        }
        return new Groups(attributes, groupOfRow, sortedValues);
    }

    /** The distinct codes, ascending. */
    private static long[] distinct(long[] codes, long combinations) {
        if (combinations <= TABLE_LIMIT) {
            boolean[] present = new boolean[(int) combinations];
            for (long code : codes) {
                present[(int) code] = true;
            }
            return java.util.stream.IntStream.range(0, present.length).filter(c -> present[c]).asLongStream().toArray();
        }
        long[] sorted = codes.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }

    private static List<String> decode(long code, List<List<String>> seen) {
        String[] values = new String[seen.size()];
        for (int a = seen.size() - 1; a >= 0; a--) {
            int levels = seen.get(a).size();
            values[a] = seen.get(a).get((int) (code % levels));
            code /= levels;
        }
        return List.of(values);
    }

    private static int compare(List<String> x, List<String> y) {
        for (int i = 0; i < x.size(); i++) {
            int c = x.get(i).compareTo(y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Codes of the column's values in the order they first appear; one hash look-up per row. */
    private static int[] firstSeenCodes(String attribute, String[] column, List<String> values) {
        Map<String, Integer> codes = new HashMap<>();
        int[] result = new int[column.length];
        for (int row = 0; row < column.length; row++) {
            String value = column[row];
            Integer code = codes.get(value);
            if (code == null) {
                if (value == null) {
                    throw new InvalidInputException("sensitive attribute \"" + attribute + "\" has no value in row " + (row + 1));
                }
                code = values.size();
                codes.put(value, code);
                values.add(value);
            }
            result[row] = code;
        }
        return result;
    }

    public List<String> attributes() {
        return attributes;
    }

    /** The number of groups. */
    public int count() {
        return values.size();
    }

    public int rows() {
        return codes.length;
    }

    /** The group of a row. */
    public int code(int row) {
        return codes[row];
    }

    /** The group of every row; the array itself, which callers must not modify. */
    public int[] codes() {
        return codes;
    }

    /** A group's value of each attribute, in attribute order. */
    public List<String> values(int group) {
        return values.get(group);
    }

    /** A group's name: its values joined by {@link #JOIN}. */
    public String name(int group) {
        return String.join(JOIN, values.get(group));
    }

    /** The group with these values (in attribute order), or -1 when no row has them. */
    public int find(List<String> groupValues) {
        return byValues.getOrDefault(groupValues, -1);
    }

    /** The name of a grouping by these attributes, e.g. {@code race & sex}. */
    public static String groupingName(List<String> attributes) {
        return String.join(JOIN, attributes);
    }
}
