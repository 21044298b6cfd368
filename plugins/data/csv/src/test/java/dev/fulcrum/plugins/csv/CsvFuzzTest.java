package dev.fulcrum.plugins.csv;

import dev.fulcrum.api.DataFileException;
import dev.fulcrum.io.CsvColumns;
import dev.fulcrum.testkit.Mutations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 mutations of valid CSV files (quoted fields, CRLF lines, a byte order mark, empty and
 * non-numeric values) through the CSV reader the csv source uses: each is read, every column as
 * text and as numbers, or refused with a {@link DataFileException}, and nothing else escapes.
 */
class CsvFuzzTest {

    @TempDir
    Path folder;

    @Test
    void mutatedFilesOnlyEverGetADataFileException() {
        List<byte[]> seeds = Stream.of(
                "x1,x2,group,label\n1,2.5,f,yes\n-3,4e2,m,no\n0.5,,f,yes\n",
                "\uFEFFid,\"a, quoted\",b\r\n1,\"he said \"\"hi\"\"\",3\r\n2,\"two\nlines\",4\r\n",
                "a;b;c\n1;2;3\n4;5;6\n",
                "only\n1\n2\n3\n",
                "n,t\nNaN,x\nInfinity,y\n1e39,z\n-0,w\n")
                .map(text -> text.getBytes(StandardCharsets.UTF_8)).toList();
        Path file = folder.resolve("input.csv");
        int count = 10_000;
        int refused = Mutations.fuzz("csv", seeds, 41, count, input -> {
            Files.write(file, input);
            try {
                readAll(CsvColumns.read(file, ';', header -> header.names()));
            } catch (DataFileException refusedAsSemicolons) {
                // the documented refusal; the same file as commas below
            }
            readAll(CsvColumns.read(file, ',', header -> header.names()));
        }, DataFileException.class);
        assertTrue(refused > count / 20 && refused < count - count / 20, refused + " of " + count + " refused");
    }

    private static void readAll(CsvColumns columns) {
        for (String name : columns.header().names()) {
            columns.values(name);
            try {
                columns.numbers(name);
            } catch (DataFileException notNumbers) {
                // the documented refusal of a column that is not numeric
            }
        }
    }
}
