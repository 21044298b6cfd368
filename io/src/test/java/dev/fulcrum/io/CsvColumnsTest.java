package dev.fulcrum.io;

import dev.fulcrum.api.DataFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvColumnsTest {

    @TempDir
    Path folder;

    private Path file(String content) throws IOException {
        return Files.writeString(folder.resolve("rows.csv"), content);
    }

    @Test
    void readsOnlyTheWantedColumnsWithQuotesAndLineNumbers() throws IOException {
        Path file = file("\uFEFFy,name,group\n1,\"Smith, Jo\",a\n\n0,\"say \"\"hi\"\"\", b \n");
        CsvColumns columns = CsvColumns.read(file, List.of("group", "y"));
        assertEquals(2, columns.rows());
        assertArrayEquals(new String[] {"a", "b"}, columns.column("group"));
        assertArrayEquals(new String[] {"1", "0"}, columns.column("y"));
        assertEquals(4, columns.line(1));
        CsvColumns all = CsvColumns.read(file, List.of("name"));
        assertArrayEquals(new String[] {"Smith, Jo", "say \"hi\""}, all.column("name"));
    }

    @Test
    void aMissingColumnNamesTheFileAndListsTheHeader() throws IOException {
        Path file = file("y,yhat\n1,0\n");
        DataFileException error = assertThrows(DataFileException.class, () -> CsvColumns.read(file, List.of("y", "race")));
        assertEquals(file + ": row 1, column race: no column \"race\" in the header; columns are [y, yhat]", error.getMessage());
    }

    @Test
    void aMalformedRowNamesItsLine() throws IOException {
        Path file = file("y,yhat\n1,0\n0\n");
        DataFileException error = assertThrows(DataFileException.class, () -> CsvColumns.read(file, List.of("y")));
        assertEquals(file + ": row 3: expected 2 fields as in the header, got 1", error.getMessage());
        Path quote = file("y,yhat\n\"1,0\n");
        assertEquals(quote + ": row 2: unterminated quote (fields may not span lines)",
                assertThrows(DataFileException.class, () -> CsvColumns.read(quote, List.of("y"))).getMessage());
    }

    @Test
    void numbersNameTheRowAndColumnOfABadValue() throws IOException {
        CsvColumns columns = CsvColumns.read(file("w\n0.5\n\n2\nabc\n"), List.of("w"));
        DataFileException error = assertThrows(DataFileException.class, () -> columns.numbers("w"));
        assertEquals(5, error.row());
        assertEquals("w", error.column());
        assertEquals(columns.file() + ": row 5, column w: expected a number, got \"abc\"", error.getMessage());
    }

    @Test
    void emptyAndMissingFilesAreClearErrors() throws IOException {
        Path empty = file("");
        assertEquals(empty + ": row 1: the file is empty; the first line must be a header",
                assertThrows(DataFileException.class, () -> CsvColumns.read(empty, List.of())).getMessage());
        Path missing = folder.resolve("none.csv");
        assertEquals(missing + ": no such file",
                assertThrows(DataFileException.class, () -> CsvColumns.read(missing, List.of())).getMessage());
    }

    @Test
    void windowsLineEndingsAndUtf8ValuesAcrossManyChunks() throws IOException {
        StringBuilder text = new StringBuilder("id,name,group\r\n");
        int rows = 300_000;
        for (int i = 0; i < rows; i++) {
            text.append(i).append(",Zoë ").append(i % 7).append(",").append(i % 3 == 0 ? "ü" : "b").append("\r\n");
        }
        CsvColumns columns = CsvColumns.read(file(text.toString()), List.of("id", "name", "group"));
        assertEquals(rows, columns.rows());
        assertEquals("299999", columns.column("id")[rows - 1]);
        assertEquals("Zoë 5", columns.column("name")[12]);
        assertEquals("ü", columns.column("group")[rows - 3]);
        assertEquals("b", columns.column("group")[rows - 1]);
        assertEquals(rows + 1, columns.line(rows - 1));
        assertEquals(rows - 1, (int) columns.numbers("id")[rows - 1]);
    }

    @Test
    void otherDelimitersAndColumnsChosenFromTheHeader() throws IOException {
        Path file = file("x;\"a;b\";y\n1.5; q ;\" keep \"\n2;r;no\n");
        CsvColumns columns = CsvColumns.read(file, ';', header -> header.names().subList(1, 3));
        assertEquals(List.of("x", "a;b", "y"), columns.header().names());
        assertArrayEquals(new String[] {"q", "r"}, columns.column("a;b"));
        assertArrayEquals(new String[] {" keep ", "no"}, columns.column("y"));
        assertThrows(IllegalArgumentException.class, () -> columns.column("x"));
    }

    @Test
    void aChooserNamesTheRoleOfAMissingColumn() throws IOException {
        Path file = file("a,b,sex,label\n1,2,f,yes\n");
        DataFileException error = assertThrows(DataFileException.class, () -> CsvColumns.read(file, ',', header -> {
            header.require("outcome", "label");
            return List.of("outcome");
        }));
        assertEquals(file + ": row 1, column outcome: the label column \"outcome\" is not in the header; columns are [a, b, sex, label]",
                error.getMessage());
    }

    @Test
    void quotesAreCheckedWhereverTheyAre() throws IOException {
        Path closing = file("y,yhat\n1,0\n\"1\"x,0\n");
        assertEquals(closing + ": row 3: text after a closing quote in field 1",
                assertThrows(DataFileException.class, () -> CsvColumns.read(closing, List.of("y"))).getMessage());
        Path lastLine = file("y,yhat\n1,0\n0,\"1");
        assertEquals(lastLine + ": row 3: unterminated quote (fields may not span lines)",
                assertThrows(DataFileException.class, () -> CsvColumns.read(lastLine, List.of("y"))).getMessage());
        Path spanning = file("y,name\n1,\"two\nlines\"\n");
        assertEquals(spanning + ": row 2: unterminated quote (fields may not span lines)",
                assertThrows(DataFileException.class, () -> CsvColumns.read(spanning, List.of("y"))).getMessage());
        Path bomAndQuotedHeader = file("\uFEFF\"y\",n\n\"\",1\n");
        assertArrayEquals(new String[] {""}, CsvColumns.read(bomAndQuotedHeader, List.of("y")).column("y"));
    }

    @Test
    void aQuoteLeftOpenInALargeFileIsNamedByItsLine() throws IOException {
        StringBuilder text = new StringBuilder("y,yhat\n1,0\n\"1,0\n");
        String row = "1,0\n".repeat(1000);
        while (text.length() < 17_000_000) {
            text.append(row);
        }
        Path file = file(text.toString());
        assertEquals(file + ": row 3: unterminated quote (fields may not span lines)",
                assertThrows(DataFileException.class, () -> CsvColumns.read(file, List.of("y"))).getMessage());
    }

    @Test
    void whitespaceOnlyLinesAreBlankAndAnEmptyHeaderIsAnError() throws IOException {
        CsvColumns columns = CsvColumns.read(file("y,w\n1,2\n   \n\t\n3,4\n"), List.of("w"));
        assertArrayEquals(new float[] {2, 4}, columns.numbers("w"));
        assertEquals(5, columns.line(1));
        Path blankHeader = file("  \ny\n1\n");
        assertEquals(blankHeader + ": row 1: the file is empty; the first line must be a header",
                assertThrows(DataFileException.class, () -> CsvColumns.read(blankHeader, List.of())).getMessage());
        Path headerOnly = file("y,w\n\n");
        assertEquals(headerOnly + ": the file has a header but no rows",
                assertThrows(DataFileException.class, () -> CsvColumns.read(headerOnly, List.of())).getMessage());
    }
}
