package dev.fulcrum.io;

import java.util.Arrays;

/**
 * The file line of each row, for messages. A row's line is its index plus a gap that only grows
 * where lines are skipped (the header, blank lines), so only the rows where the gap changes are kept.
 */
final class RowLines {

    private int[] firstRows = new int[16];
    private long[] gaps = new long[16];
    private int changes;
    private int rows;

    /** Kept this short so that C1 inlines it into the per-record path; the gap rarely changes. */
    void add(long line) {
        if (changes == 0 || gaps[changes - 1] != line - rows) {
            startGap(rows, line - rows);
        }
        rows++;
    }

    /** Appends another stretch's rows, whose lines come {@code linesBefore} lines further down the file. */
    void addAll(RowLines part, long linesBefore) {
        int offset = rows;
        for (int change = 0; change < part.changes; change++) {
            startGap(offset + part.firstRows[change], part.gaps[change] + linesBefore - offset);
        }
        rows += part.rows;
    }

    /** From {@code firstRow} on, a row's line is its index plus {@code gap}; nothing is kept where the gap stays. */
    private void startGap(int firstRow, long gap) {
        if (changes > 0 && gaps[changes - 1] == gap) {
            return;
        }
        if (changes == firstRows.length) {
            firstRows = Arrays.copyOf(firstRows, changes * 2);
            gaps = Arrays.copyOf(gaps, changes * 2);
        }
        firstRows[changes] = firstRow;
        gaps[changes++] = gap;
    }

    int rows() {
        return rows;
    }

    /** Every row's line, a new array: one pass over the gaps instead of a search per row. */
    long[] all() {
        long[] all = new long[rows];
        for (int change = 0; change < changes; change++) {
            int end = change + 1 < changes ? firstRows[change + 1] : rows;
            for (int row = firstRows[change]; row < end; row++) {
                all[row] = row + gaps[change];
            }
        }
        return all;
    }

    long line(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rows);
        }
        int found = Arrays.binarySearch(firstRows, 0, changes, row);
        return row + gaps[found >= 0 ? found : -found - 2];
    }
}
