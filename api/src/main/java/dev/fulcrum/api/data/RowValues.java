package dev.fulcrum.api.data;

import java.util.Objects;

/**
 * One sensitive attribute of a {@link Dataset}, a value per row: strings a source gave, or a
 * column's distinct values and each row's index into them, as a CSV reader has them. The coded
 * form stores an {@code int} per row instead of a reference, which a large load would otherwise
 * copy twice into million-element arrays the collector has to scan (docs/fairness.md, "Reading the CSV").
 *
 * @param given each row's value, or null where the values are coded
 * @param values the distinct values, where coded
 * @param codes each row's index in {@code values}, where coded
 */
record RowValues(String[] given, String[] values, int[] codes) {

    /** The given strings (not copied: the caller hands over the array). */
    static RowValues of(String[] given) {
        return new RowValues(Objects.requireNonNull(given, "values"), null, null);
    }

    /** Row {@code r}'s value is {@code values[codes[r]]} (the arrays handed over, not copied). */
    static RowValues coded(String[] values, int[] codes) {
        int row = firstOutside(codes, 0, values.length);
        if (row >= 0) {
            throw new IllegalArgumentException("row " + row + ": code " + codes[row] + " is outside the " + values.length + " values");
        }
        return new RowValues(null, values, codes);
    }

    /**
     * The first index whose value is below {@code low} or at or above {@code high}, or -1: the one
     * check of a dataset's per-row integers (labels, domains, codes), so that a source's first
     * dataset in a fresh JVM compiles one loop, not one per column.
     */
    static int firstOutside(int[] values, int low, int high) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] < low || values[i] >= high) {
                return i;
            }
        }
        return -1;
    }

    int rows() {
        return given != null ? given.length : codes.length;
    }

    /** Every row's value, a new array. */
    String[] all() {
        if (given != null) {
            return given.clone();
        }
        String[] all = new String[codes.length];
        for (int row = 0; row < codes.length; row++) {
            all[row] = values[codes[row]];
        }
        return all;
    }

    /** The values of the given rows, in that order. */
    RowValues select(int[] rows) {
        if (given != null) {
            return of(pick(given, rows));
        }
        int[] picked = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = codes[rows[i]];
        }
        return new RowValues(null, values, picked);
    }

    /** {@code from}'s elements at the given rows, in that order. */
    static String[] pick(String[] from, int[] rows) {
        String[] picked = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = from[rows[i]];
        }
        return picked;
    }
}
