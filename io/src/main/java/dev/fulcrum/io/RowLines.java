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

    void add(long line) {
        long gap = line - rows;
        if (changes == 0 || gaps[changes - 1] != gap) {
            if (changes == firstRows.length) {
                firstRows = Arrays.copyOf(firstRows, changes * 2);
                gaps = Arrays.copyOf(gaps, changes * 2);
            }
            firstRows[changes] = rows;
            gaps[changes++] = gap;
        }
        rows++;
    }

    /** Appends another stretch's rows, whose lines come {@code linesBefore} lines further down the file. */
    void addAll(RowLines part, long linesBefore) {
        for (int change = 0; change < part.changes; change++) {
            int first = part.firstRows[change];
            int next = change + 1 < part.changes ? part.firstRows[change + 1] : part.rows;
            long line = first + part.gaps[change] + linesBefore;
            for (int row = first; row < next; row++) {
                add(line++);
            }
        }
    }

    int rows() {
        return rows;
    }

    long line(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rows);
        }
        int found = Arrays.binarySearch(firstRows, 0, changes, row);
        return row + gaps[found >= 0 ? found : -found - 2];
    }
}
