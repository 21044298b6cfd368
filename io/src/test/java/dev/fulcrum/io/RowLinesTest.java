package dev.fulcrum.io;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RowLinesTest {

    @Test
    void eachRowKeepsItsLineAcrossSkippedLines() {
        RowLines lines = new RowLines();
        long[] read = {2, 3, 5, 6, 7, 11, 12, 20};
        for (long line : read) {
            lines.add(line);
        }
        assertEquals(read.length, lines.rows());
        for (int row = 0; row < read.length; row++) {
            assertEquals(read[row], lines.line(row), "row " + row);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> lines.line(read.length));
    }

    @Test
    void manyGapsGrowTheTable() {
        RowLines lines = new RowLines();
        for (int row = 0; row < 1000; row++) {
            lines.add(2L + 2L * row);
        }
        assertEquals(2, lines.line(0));
        assertEquals(2 + 2 * 999, lines.line(999));
        assertEquals(2 + 2 * 500, lines.line(500));
    }

    @Test
    void joinedStretchesKeepTheirLinesBelowTheLinesBefore() {
        RowLines first = lines(2, 3, 5);
        RowLines second = lines(1, 2, 4);
        RowLines third = lines(1, 2);
        RowLines joined = new RowLines();
        joined.addAll(first, 0);
        // each stretch starts with the gap the one before ended with, so the gaps run on
        joined.addAll(second, 5);
        joined.addAll(new RowLines(), 9);
        joined.addAll(third, 9);
        long[] expected = {2, 3, 5, 6, 7, 9, 10, 11};
        assertEquals(expected.length, joined.rows());
        for (int row = 0; row < expected.length; row++) {
            assertEquals(expected[row], joined.line(row), "row " + row);
        }
    }

    @Test
    void consecutiveRowsAreTheFirstLineAndAnOffset() {
        assertEquals(2, lines(2, 3, 4).firstIfConsecutive());
        RowLines joined = new RowLines();
        joined.addAll(lines(1, 2), 1);
        joined.addAll(lines(1, 2, 3), 3);
        assertEquals(2, joined.firstIfConsecutive(), "stretches that continue each other stay consecutive");
        assertEquals(-1, lines(2, 3, 5).firstIfConsecutive(), "a skipped line");
        assertEquals(-1, new RowLines().firstIfConsecutive(), "no rows");
    }

    private static RowLines lines(long... read) {
        RowLines lines = new RowLines();
        for (long line : read) {
            lines.add(line);
        }
        return lines;
    }
}
