package dev.fulcrum.io;

import dev.fulcrum.api.DataFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A file read in several ranges at once reads exactly as in one pass: values, line numbers and the first error. */
class CsvReadInRangesTest {

    private static final List<String> ALL = List.of("id", "name", "group");

    @TempDir
    Path folder;

    private Path file(String content) throws IOException {
        return Files.writeString(folder.resolve("rows.csv"), content);
    }

    private static CsvColumns read(Path file, int ranges) {
        return new CsvRead(file, ',', header -> ALL).read(ranges);
    }

    private static String error(Path file, int ranges) {
        return assertThrows(DataFileException.class, () -> read(file, ranges)).getMessage();
    }

    /** LF, CRLF and lone CR endings, blank and whitespace lines, quotes, UTF-8, and a byte-order mark that only the file's start drops. */
    private static String mixedRows(int rows) {
        StringBuilder text = new StringBuilder("\uFEFFid,name,group\r\n");
        String[] endings = {"\n", "\r\n", "\r"};
        for (int i = 0; i < rows; i++) {
            text.append(i).append(i % 5 == 0 ? ",\"Zoë, " + i % 7 + "\"" : ", n" + i % 11 + " ").append(',')
                    .append(i % 13 == 0 ? "\uFEFFb" : i % 3 == 0 ? "ü" : "a").append(endings[i % 3]);
            if (i % 17 == 0) {
                text.append(i % 2 == 0 ? "\n" : "  \t\r\n");
            }
        }
        return text.toString();
    }

    @Test
    void everyCutGivesTheOnePassValuesAndLines() throws IOException {
        Path file = file(mixedRows(5_000));
        CsvColumns whole = read(file, 1);
        assertEquals(5_000, whole.rows());
        assertEquals("\uFEFFb", whole.column("group")[13]);
        for (int ranges = 2; ranges <= 7; ranges++) {
            CsvColumns cut = read(file, ranges);
            assertEquals(whole.header().names(), cut.header().names());
            assertEquals(whole.rows(), cut.rows());
            for (String column : ALL) {
                assertArrayEquals(whole.column(column), cut.column(column), column + " in " + ranges + " ranges");
            }
            for (int row = 0; row < whole.rows(); row++) {
                assertEquals(whole.line(row), cut.line(row), "line of row " + row + " in " + ranges + " ranges");
            }
        }
    }

    @Test
    void codesFollowFirstAppearanceInTheFileWhicheverRangeMeetsAValueFirst() throws IOException {
        // The second half meets its values in the first half's order (its codes are taken as they are),
        // the third in another order and with a value of its own (its codes are mapped).
        String first = "1,a,b\n2,a,a\n".repeat(500);
        String third = "3,c,a\n4,b,b\n5,a,c\n".repeat(400);
        Path file = file("id,name,group\n" + first + first + third);
        CsvColumns whole = read(file, 1);
        assertArrayEquals(new String[] {"b", "a", "c"}, whole.values("group"));
        for (int ranges = 2; ranges <= 4; ranges++) {
            CsvColumns cut = read(file, ranges);
            for (String column : ALL) {
                assertArrayEquals(whole.values(column), cut.values(column), column + " in " + ranges + " ranges");
                assertArrayEquals(whole.codes(column), cut.codes(column), column + " in " + ranges + " ranges");
            }
        }
    }

    @Test
    void cutsFallJustAfterALineFeed() throws IOException {
        Path file = file(mixedRows(2_000));
        byte[] bytes = Files.readAllBytes(file);
        try (FileChannel channel = FileChannel.open(file)) {
            long[] bounds = LineRanges.cut(channel, 6);
            assertEquals(7, bounds.length);
            assertEquals(3, bounds[0], "the byte-order mark is left out");
            assertEquals(bytes.length, bounds[6]);
            for (int range = 1; range < 6; range++) {
                assertTrue(bounds[range] > bounds[range - 1]);
                assertEquals('\n', bytes[(int) bounds[range] - 1]);
            }
        }
    }

    @Test
    void aCutRightAfterABlankLineAndBeforeOne() throws IOException {
        // Forty bytes, with a blank line's line feed at byte 20, the middle: the cut follows it.
        Path afterBlank = file("id,name,group\n1,a,b\n\n2,c,d\n2,c,d\n3,ee,f\n");
        try (FileChannel channel = FileChannel.open(afterBlank)) {
            assertArrayEquals(new long[] {0, 21, 40}, LineRanges.cut(channel, 2));
        }
        CsvColumns after = read(afterBlank, 2);
        assertArrayEquals(new String[] {"1", "2", "2", "3"}, after.column("id"));
        assertEquals(4, after.line(1));
        assertEquals(6, after.line(3));
        // The cut follows the row that ends at byte 19; the second range starts with two blank lines.
        Path beforeBlank = file("id,name,group\n1,a,b\n\n\n2,c,d\n3,e,f\n");
        try (FileChannel channel = FileChannel.open(beforeBlank)) {
            assertArrayEquals(new long[] {0, 20, 34}, LineRanges.cut(channel, 2));
        }
        CsvColumns before = read(beforeBlank, 2);
        assertArrayEquals(new String[] {"1", "2", "3"}, before.column("id"));
        assertEquals(5, before.line(1));
        assertEquals(6, before.line(2));
    }

    @Test
    void theFirstErrorIsTheOnePassErrorWhicheverRangeItIsIn() throws IOException {
        String rows = "1,a,b\n".repeat(1_000);
        Path second = file("id,name,group\n" + rows + rows + "1,a\n" + rows);
        String expected = second + ": row 2002: expected 3 fields as in the header, got 2";
        for (int ranges = 1; ranges <= 4; ranges++) {
            assertEquals(expected, error(second, ranges));
        }
        Path several = file("id,name,group\r\n" + rows.replace("\n", "\r\n") + "1,\"a\"x,b\n" + rows + "1,\"b\n" + rows + "2\n");
        String first = several + ": row 1002: text after a closing quote in field 2";
        for (int ranges = 1; ranges <= 5; ranges++) {
            assertEquals(first, error(several, ranges));
        }
        // A quote left open at a range's end: the one-pass read meets the next line, and its error stands.
        Path open = file("id,name,group\n" + rows + "1,\"a\n" + "b\"x,c\n" + rows);
        String quote = error(open, 1);
        for (int ranges = 2; ranges <= 5; ranges++) {
            assertEquals(quote, error(open, ranges));
        }
    }

    @Test
    void headerProblemsAndNoRowsAreTheOnePassErrors() throws IOException {
        Path blankFirst = file("\n" + "1,a,b\n".repeat(500));
        assertEquals(blankFirst + ": row 1: the file is empty; the first line must be a header", error(blankFirst, 3));
        Path missing = file("id,name\n" + "1,a\n".repeat(500));
        assertEquals(missing + ": row 1, column group: no column \"group\" in the header; columns are [id, name]", error(missing, 3));
        Path headerOnly = file("id,name,group\n" + "\n".repeat(500));
        assertEquals(headerOnly + ": the file has a header but no rows", error(headerOnly, 3));
        Path bomOnly = file("\uFEFF");
        assertEquals(bomOnly + ": row 1: the file is empty; the first line must be a header", error(bomOnly, 3));
    }

    @Test
    void noRangeThreadOutlivesAReadAndAnInterruptStopsIt() throws IOException, InterruptedException {
        Path file = file("id,name,group\n" + "1,a,b\n".repeat(2_000) + "1\n" + "1,a,b\n".repeat(2_000));
        error(file, 4);
        Path good = file("id,name,group\n" + "1,a,b\n".repeat(4_000));
        read(good, 4);
        Thread.currentThread().interrupt();
        assertThrows(DataFileException.class, () -> read(good, 4));
        assertTrue(Thread.interrupted(), "the interrupt is kept");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (rangeThreads() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(rangeThreads());
    }

    private static boolean rangeThreads() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread.getName().equals("fulcrum-csv-range"));
    }
}
