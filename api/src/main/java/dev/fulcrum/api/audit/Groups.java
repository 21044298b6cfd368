package dev.fulcrum.api.audit;

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
        int rows = -1;
        int[][] perAttribute = new int[attributes.size()][];
        List<List<String>> levels = new ArrayList<>();
        for (int a = 0; a < attributes.size(); a++) {
            String[] column = sensitive.get(attributes.get(a));
            if (column == null) {
                throw new InvalidInputException("no sensitive attribute \"" + attributes.get(a) + "\"; the rows have "
                        + (sensitive.isEmpty() ? "none" : sensitive.keySet()));
            }
            rows = column.length;
            List<String> sorted = new ArrayList<>();
            perAttribute[a] = sortedCodes(attributes.get(a), column, sorted);
            levels.add(sorted);
        }
        // Mixed-radix codes keep the order of the values; compacting them keeps only observed combinations.
        long[] radix = new long[attributes.size()];
        long combinations = 1;
        for (int a = attributes.size() - 1; a >= 0; a--) {
            radix[a] = combinations;
            combinations = Math.multiplyExact(combinations, levels.get(a).size());
        }
        long[] mixed = new long[rows];
        for (int a = 0; a < attributes.size(); a++) {
            int[] column = perAttribute[a];
            for (int row = 0; row < rows; row++) {
                mixed[row] += column[row] * radix[a];
            }
        }
        long[] observed = observed(mixed, combinations);
        int[] codes = new int[rows];
        if (combinations <= TABLE_LIMIT) {
            int[] compact = new int[(int) combinations];
            for (int g = 0; g < observed.length; g++) {
                compact[(int) observed[g]] = g;
            }
            for (int row = 0; row < rows; row++) {
                codes[row] = compact[(int) mixed[row]];
            }
        } else {
            for (int row = 0; row < rows; row++) {
                codes[row] = Arrays.binarySearch(observed, mixed[row]);
            }
        }
        List<List<String>> values = new ArrayList<>();
        for (long combination : observed) {
            List<String> groupValues = new ArrayList<>();
            for (int a = 0; a < attributes.size(); a++) {
                groupValues.add(levels.get(a).get((int) (combination / radix[a] % levels.get(a).size())));
            }
            values.add(List.copyOf(groupValues));
        }
        return new Groups(attributes, codes, values);
    }

    /** The distinct mixed-radix codes, ascending. */
    private static long[] observed(long[] mixed, long combinations) {
        if (combinations <= TABLE_LIMIT) {
            boolean[] seen = new boolean[(int) combinations];
            for (long code : mixed) {
                seen[(int) code] = true;
            }
            return java.util.stream.IntStream.range(0, seen.length).filter(c -> seen[c]).asLongStream().toArray();
        }
        long[] sorted = mixed.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }

    /** Codes of the column's values in sorted order; one hash look-up per row. */
    private static int[] sortedCodes(String attribute, String[] column, List<String> sortedValues) {
        Map<String, Integer> firstSeen = new HashMap<>();
        int[] codes = new int[column.length];
        for (int row = 0; row < column.length; row++) {
            String value = column[row];
            if (value == null) {
                throw new InvalidInputException("sensitive attribute \"" + attribute + "\" has no value in row " + (row + 1));
            }
            Integer code = firstSeen.get(value);
            if (code == null) {
                code = firstSeen.size();
                firstSeen.put(value, code);
            }
            codes[row] = code;
        }
        sortedValues.addAll(firstSeen.keySet());
        sortedValues.sort(null);
        int[] rank = new int[firstSeen.size()];
        for (int i = 0; i < sortedValues.size(); i++) {
            rank[firstSeen.get(sortedValues.get(i))] = i;
        }
        for (int row = 0; row < codes.length; row++) {
            codes[row] = rank[codes[row]];
        }
        return codes;
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
