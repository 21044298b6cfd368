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

    RowLines() {
    }

    /** Rows as {@link #firstRows()} and {@link #gaps()} of another gave them, as a cached read keeps them. */
    RowLines(int[] firstRows, long[] gaps, int rows) {
        if (firstRows.length != gaps.length || rows < 0 || (rows > 0) != (firstRows.length > 0)) {
            throw new IllegalArgumentException("row lines do not fit together");
        }
        this.firstRows = Arrays.copyOf(firstRows, Math.max(16, firstRows.length));
        this.gaps = Arrays.copyOf(gaps, Math.max(16, gaps.length));
        this.changes = firstRows.length;
        this.rows = rows;
    }

    /** The first row of each gap, ascending. */
    int[] firstRows() {
        return Arrays.copyOf(firstRows, changes);
    }

    /** Each gap: from its first row on, a row's line is its index plus the gap. */
    long[] gaps() {
        return Arrays.copyOf(gaps, changes);
    }

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

    /** The first row's line where each later row is on the next line (no blank line between rows), else -1. */
    long firstIfConsecutive() {
        return changes == 1 ? gaps[0] : -1;
    }

    long line(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rows);
        }
        int found = Arrays.binarySearch(firstRows, 0, changes, row);
        return row + gaps[found >= 0 ? found : -found - 2];
    }
}
