package dev.fulcrum.io;

import dev.fulcrum.api.DataFileException;
import dev.fulcrum.api.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV cache with real files: a hit is a fresh parse in every way, and nothing stale or broken is ever used. */
class CsvCacheTest {

    private static final int ROWS = 70_000;
    private static final List<String> COLUMNS = List.of("score", "id", "label", "name", "group");

    @TempDir
    Path folder;
    private Path cache;
    private String before;
    private String maxBytesBefore;

    @BeforeEach
    void useAFolderOfTheTest() {
        cache = folder.resolve("cache");
        before = System.getProperty(CsvCache.FOLDER_PROPERTY);
        maxBytesBefore = System.getProperty(CsvCache.MAX_BYTES_PROPERTY);
        System.setProperty(CsvCache.FOLDER_PROPERTY, cache.toString());
        System.clearProperty(CsvCache.MAX_BYTES_PROPERTY);
    }

    @AfterEach
    void restoreTheProperties() {
        restore(CsvCache.FOLDER_PROPERTY, before);
        restore(CsvCache.MAX_BYTES_PROPERTY, maxBytesBefore);
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    /**
     * Over 1 MiB: a byte-order mark, quotes with commas and doubled quotes, blank lines, a column of
     * two values, one of 300, one of a value per row, and one bad number late in the file.
     */
    private Path file(String name, int rows) throws IOException {
        StringBuilder text = new StringBuilder("\uFEFFid,label,name,score,group,unused\n");
        for (int row = 0; row < rows; row++) {
            if (row % 1000 == 7) {
                text.append('\n');
            }
            String score = row == rows - 10 ? "abc" : Float.toString(row % 500 / 10f);
            text.append(row).append(',').append(row % 3 == 0 ? "yes" : "no").append(',')
                    .append(row % 5 == 0 ? "\"Smith, \"\"Jo\"\"\"" : " plain " + row % 7 + " ").append(',')
                    .append(score).append(",g").append(row % 300).append(",x\n");
        }
        return Files.writeString(folder.resolve(name), text);
    }

    private static CsvColumns read(Path file) {
        return CsvColumns.read(file, ',', header -> COLUMNS);
    }

    private static CsvColumns parse(Path file) {
        return new CsvRead(file, ',', header -> COLUMNS).read(0);
    }

    private List<Path> entries() throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(cache)) {
            return paths.sorted().toList();
        }
    }

    private static void assertSameColumns(CsvColumns expected, CsvColumns actual) {
        assertEquals(expected.file(), actual.file());
        assertEquals(expected.header().names(), actual.header().names());
        assertEquals(expected.rows(), actual.rows());
        assertArrayEquals(expected.lines(), actual.lines());
        for (int row : new int[] {0, 6, 7, 8, expected.rows() - 1}) {
            assertEquals(expected.line(row), actual.line(row));
            assertEquals(expected.problem(row, "label", "odd").getMessage(), actual.problem(row, "label", "odd").getMessage());
        }
        assertThrows(IndexOutOfBoundsException.class, () -> actual.line(expected.rows()));
        for (String column : COLUMNS) {
            assertArrayEquals(expected.values(column), actual.values(column), column);
            assertArrayEquals(expected.codes(column), actual.codes(column), column);
            assertArrayEquals(expected.column(column), actual.column(column), column);
            assertEquals(expected.firstRow(column, 1), actual.firstRow(column, 1), column);
        }
        assertEquals(expected.number(3, "score"), actual.number(3, "score"));
        DataFileException fresh = assertThrows(DataFileException.class, () -> expected.numbers("score"));
        DataFileException cached = assertThrows(DataFileException.class, () -> actual.numbers("score"));
        assertEquals(fresh.getMessage(), cached.getMessage());
        assertEquals(fresh.row(), cached.row());
        assertEquals(fresh.column(), cached.column());
        assertEquals("column unused was not read", assertThrows(IllegalArgumentException.class, () -> actual.column("unused")).getMessage());
    }

    @Test
    void aHitIsAFreshParseInEveryAccessor() throws IOException {
        Path file = file("rows.csv", ROWS);
        CsvColumns first = read(file);
        assertEquals(1, entries().size());
        CsvColumns hit = read(file);
        assertSameColumns(parse(file), first);
        assertSameColumns(parse(file), hit);
        assertEquals(List.of("id", "label", "name", "score", "group", "unused"), hit.header().names());
        assertEquals("Smith, \"Jo\"", hit.column("name")[0]);
        assertEquals("plain 1", hit.column("name")[1]);
        assertEquals(2, hit.values("label").length);
        assertEquals(300, hit.values("group").length);
        assertEquals(ROWS, hit.values("id").length);
    }

    @Test
    void aHitReadsTheEntryNotTheFile() throws IOException {
        Path file = file("rows.csv", ROWS);
        read(file);
        Path entry = entries().get(0);
        FileTime old = FileTime.fromMillis(0);
        Files.setLastModifiedTime(entry, old);
        read(file);
        assertNotEquals(old, Files.getLastModifiedTime(entry), "a hit marks the entry as used");
    }

    @Test
    void aChangedFileIsAMiss() throws IOException {
        Path file = file("rows.csv", ROWS);
        read(file);
        Files.writeString(file, "70000,no,late,1.5,g1,x\n", java.nio.file.StandardOpenOption.APPEND);
        CsvColumns appended = read(file);
        assertEquals(ROWS + 1, appended.rows());
        assertEquals("late", appended.column("name")[ROWS]);
        assertEquals(2, entries().size());

        // Same size, new content and a new modification time.
        FileTime modified = Files.getLastModifiedTime(file);
        String text = Files.readString(file);
        Files.writeString(file, text.replace("70000,no,late", "70000,no,LATE"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(modified.toMillis() + 2000));
        CsvColumns rewritten = read(file);
        assertEquals("LATE", rewritten.column("name")[ROWS]);
        assertSameColumns(parse(file), rewritten);
    }

    @Test
    void aCorruptOrTruncatedEntryIsParsedAgainAndReplaced() throws IOException {
        Path file = file("rows.csv", ROWS);
        read(file);
        Path entry = entries().get(0);
        byte[] good = Files.readAllBytes(entry);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x55;
        Files.write(entry, flipped);
        assertSameColumns(parse(file), read(file));
        assertArrayEquals(good, Files.readAllBytes(entry), "the entry is written again");

        Files.write(entry, java.util.Arrays.copyOf(good, good.length / 3));
        assertSameColumns(parse(file), read(file));
        assertArrayEquals(good, Files.readAllBytes(entry));

        Files.writeString(entry, "not ours");
        assertSameColumns(parse(file), read(file));
        assertArrayEquals(good, Files.readAllBytes(entry));
    }

    @Test
    void offWritesNothing() throws IOException {
        System.setProperty(CsvCache.FOLDER_PROPERTY, "off");
        Path file = file("rows.csv", ROWS);
        assertSameColumns(parse(file), read(file));
        assertFalse(Files.exists(cache));
        assertFalse(Files.exists(folder.resolve("off")));
    }

    @Test
    void aSmallFileIsNotCached() throws IOException {
        Path file = file("small.csv", 1000);
        assertTrue(Files.size(file) < CsvCache.MIN_FILE_BYTES);
        assertSameColumns(parse(file), read(file));
        assertEquals(List.of(), entries());
    }

    @Test
    void aReadOfOtherColumnsAddsThemToTheEntryAndAnotherDelimiterIsAnotherEntry() throws IOException {
        Path file = file("rows.csv", ROWS);
        CsvColumns two = CsvColumns.read(file, ',', header -> List.of("group", "label"));
        assertEquals(1, entries().size());
        assertEquals("column score was not read", assertThrows(IllegalArgumentException.class, () -> two.column("score")).getMessage());
        Path entry = entries().get(0);
        byte[] twoColumns = Files.readAllBytes(entry);
        CsvColumns all = read(file);
        assertSameColumns(parse(file), all);
        assertEquals(1, entries().size(), "one entry per state of the file");
        assertTrue(Files.size(entry) > twoColumns.length, "the entry holds the columns of both reads");
        byte[] allColumns = Files.readAllBytes(entry);
        CsvColumns twoAgain = CsvColumns.read(file, ',', header -> List.of("label", "group"));
        assertArrayEquals(allColumns, Files.readAllBytes(entry), "a read of columns the entry holds is a hit");
        assertArrayEquals(two.column("group"), twoAgain.column("group"));
        assertEquals(List.of("label", "group"), List.copyOf(twoAgain.codedColumns().keySet()), "only the columns asked for, in the file's order");
        assertEquals("column score was not read", assertThrows(IllegalArgumentException.class, () -> twoAgain.column("score")).getMessage());
        assertSameColumns(parse(file), read(file));
        CsvColumns.read(file, ';', header -> List.of("id,label,name,score,group,unused"));
        assertEquals(2, entries().size());
    }

    @Test
    void aHitRejectsAHeaderAsAParseDoes() throws IOException {
        Path file = file("rows.csv", ROWS);
        read(file);
        DataFileException fresh = assertThrows(DataFileException.class,
                () -> new CsvRead(file, ',', header -> List.of("label", "missing")).read(0));
        DataFileException cached = assertThrows(DataFileException.class, () -> CsvColumns.read(file, ',', header -> List.of("label", "missing")));
        assertEquals(fresh.getMessage(), cached.getMessage());
        assertEquals(1, entries().size());
        assertSameColumns(parse(file), read(file));
    }

    @Test
    void theSizeCapDeletesTheLeastRecentlyUsedEntries() throws IOException {
        Path a = file("a.csv", ROWS);
        Path b = file("b.csv", ROWS);
        Path c = file("c.csv", ROWS);
        read(a);
        Path entryOfA = entries().get(0);
        long entryBytes = Files.size(entryOfA);
        System.setProperty(CsvCache.MAX_BYTES_PROPERTY, Long.toString(2 * entryBytes + entryBytes / 2));
        read(b);
        assertEquals(2, entries().size());
        Path entryOfB = entries().stream().filter(entry -> !entry.equals(entryOfA)).findFirst().orElseThrow();
        Files.setLastModifiedTime(entryOfB, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(entryOfA, FileTime.fromMillis(2_000_000));
        read(c);
        List<Path> left = entries();
        assertEquals(2, left.size());
        assertFalse(left.contains(entryOfB), "the least recently used entry goes");
        assertTrue(left.contains(entryOfA));
    }

    @Test
    void aWriteDeletesTemporaryFilesThatKilledProcessesLeft() throws IOException {
        Files.createDirectories(cache);
        Path abandoned = Files.writeString(cache.resolve("0123" + CsvCache.SUFFIX + "42.tmp"), "half an entry");
        Files.setLastModifiedTime(abandoned, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000));
        Path recent = Files.writeString(cache.resolve("4567" + CsvCache.SUFFIX + "43.tmp"), "being written");
        read(file("rows.csv", ROWS));
        assertFalse(Files.exists(abandoned));
        assertTrue(Files.exists(recent), "another process may still be writing it");
    }

    @Test
    void badPropertyValuesAreInvalidInput() throws IOException {
        Path file = file("small.csv", 10);
        System.setProperty(CsvCache.MAX_BYTES_PROPERTY, "2GiB");
        assertEquals("-Dfulcrum.csv.cache.max-bytes must be a positive whole number of bytes, got \"2GiB\"",
                assertThrows(InvalidInputException.class, () -> read(file)).getMessage());
        System.setProperty(CsvCache.MAX_BYTES_PROPERTY, "0");
        assertThrows(InvalidInputException.class, () -> read(file));
        System.setProperty(CsvCache.FOLDER_PROPERTY, "bad\0folder");
        System.clearProperty(CsvCache.MAX_BYTES_PROPERTY);
        assertTrue(assertThrows(InvalidInputException.class, () -> read(file)).getMessage()
                .startsWith("-Dfulcrum.csv.cache must be a folder or off, got \"bad\0folder\""));
    }

    @Test
    void aCacheThatCannotBeWrittenNeverFailsARead() throws IOException {
        Path file = file("rows.csv", ROWS);
        Path notAFolder = Files.writeString(folder.resolve("a-file"), "x");
        System.setProperty(CsvCache.FOLDER_PROPERTY, notAFolder.toString());
        assertSameColumns(parse(file), read(file));
    }
}
