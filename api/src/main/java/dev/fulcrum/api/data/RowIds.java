package dev.fulcrum.api.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * The rows' ids of a {@link Dataset}: strings a source gave, or a prefix and a number per row whose
 * strings are made only when asked for. A million ids made up front are a million live objects
 * that the collector copies on every young collection while a source is still loading (JFR, the
 * {@code csv} data source on the audit benchmark's file: docs/fairness.md, "Reading the CSV").
 *
 * @param given the given ids, or null where they are {@code prefix} and a number
 * @param numbers each row's number, or null where it is {@code first} plus the row's index
 */
record RowIds(String[] given, String prefix, long[] numbers, long first, int rows) {

    /** The given strings (not copied: the caller hands over the array). */
    static RowIds of(String[] ids) {
        return new RowIds(ids, null, null, 0, ids.length);
    }

    /** {@code prefix} followed by each row's number. */
    static RowIds numbered(String prefix, long[] numbers) {
        return new RowIds(null, Objects.requireNonNull(prefix, "prefix"), numbers, 0, numbers.length);
    }

    /** {@code prefix} followed by {@code first} plus each row's index: {@code prefix7}, {@code prefix8}, ... */
    static RowIds counted(String prefix, long first, int rows) {
        if (first < 0 || first > Long.MAX_VALUE - rows) {
            throw new IllegalArgumentException("ids counted from " + first + " for " + rows + " rows");
        }
        return new RowIds(null, Objects.requireNonNull(prefix, "prefix"), null, first, rows);
    }

    /** The first row without an id (null or empty), or -1; only given ids can lack one. */
    int firstMissing() {
        if (given != null) {
            for (int i = 0; i < given.length; i++) {
                if (given[i] == null || given[i].isEmpty()) {
                    return i;
                }
            }
        }
        return -1;
    }

    String id(int row) {
        if (given != null) {
            return given[row];
        }
        Objects.checkIndex(row, rows);
        return prefix + number(row);
    }

    private long number(int row) {
        return numbers == null ? first + row : numbers[row];
    }

    /** Every row's id, a new array. */
    String[] all() {
        if (given != null) {
            return given.clone();
        }
        String[] all = new String[rows];
        for (int i = 0; i < rows; i++) {
            all[i] = prefix + number(i);
        }
        return all;
    }

    /** The ids of the given rows, in that order. */
    RowIds select(int[] picked) {
        if (given != null) {
            return of(RowValues.pick(given, picked));
        }
        long[] selected = new long[picked.length];
        for (int i = 0; i < picked.length; i++) {
            Objects.checkIndex(picked[i], rows);
            selected[i] = number(picked[i]);
        }
        return numbered(prefix, selected);
    }

    /** These rows' ids followed by those of {@code other}. */
    RowIds concat(RowIds other) {
        if (given == null && other.given == null && prefix.equals(other.prefix)) {
            long[] joined = new long[rows + other.rows];
            for (int i = 0; i < rows; i++) {
                joined[i] = number(i);
            }
            for (int i = 0; i < other.rows; i++) {
                joined[rows + i] = other.number(i);
            }
            return numbered(prefix, joined);
        }
        String[] joined = Arrays.copyOf(all(), rows + other.rows);
        System.arraycopy(other.all(), 0, joined, rows, other.rows);
        return of(joined);
    }
}
