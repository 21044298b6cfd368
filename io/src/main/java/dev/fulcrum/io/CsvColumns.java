package dev.fulcrum.io;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import dev.fulcrum.api.DataFileException;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * The columns of a CSV file that a reader needs, as text, one value per row: a header line, then
 * one row per line, with RFC 4180 quotes ({@code ""} for a quote) within a line. Unquoted values
 * are trimmed, blank lines are skipped, a leading byte-order mark is dropped. Every problem is a
 * {@link DataFileException} naming the file, the line (the header is line 1) and the column. The
 * whole file is read before anything is returned, so a bad row never leaves half a table behind.
 * Parsing is FastCSV's (<a href="https://fastcsv.org">fastcsv.org</a>), which stays behind this
 * API so that a plugin may bundle a FastCSV of its own.
 */
public final class CsvColumns {

    private final Path file;
    private final CsvHeader header;
    private final Map<String, String[]> columns;
    private final RowLines lines;

    CsvColumns(Path file, CsvHeader header, Map<String, String[]> columns, RowLines lines) {
        this.file = file;
        this.header = header;
        this.columns = columns;
        this.lines = lines;
    }

    /** Reads the named columns of a comma-separated file; a name missing from the header is an error that lists the header. */
    public static CsvColumns read(Path file, Collection<String> columns) {
        return read(file, ',', header -> columns);
    }

    /**
     * Reads the columns {@code choose} names once it sees the header; it may reject the header by
     * throwing (see {@link CsvHeader#require(String, String)}).
     *
     * @param delimiter the field separator: not a quote and not a line break
     */
    public static CsvColumns read(Path file, char delimiter, Function<CsvHeader, ? extends Collection<String>> choose) {
        ColumnCollector collector = new ColumnCollector(file, choose);
        try (CsvReader<Void> reader = CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(false)
                .build(collector, new CsvText(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)))) {
            // The collector keeps each record and hands FastCSV none, so one step parses the whole file.
            reader.iterator().hasNext();
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, null, "no such file");
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new DataFileException(file, "cannot read: " + e.getCause().getMessage(), e.getCause());
        } catch (CsvParseException e) {
            throw problem(file, collector, e);
        }
        return collector.finish();
    }

    /**
     * FastCSV's parse failures in today's words. With fields confined to a line, the strict parser
     * fails in two ways (FastCSV 4.1.0, {@code StrictCsvParser}): text after a closing quote, or a
     * quote never closed whose field outgrows the parser's buffer. FastCSV wraps a failure of
     * ours in its own exception: that one is handed on as it is.
     */
    private static DataFileException problem(Path file, ColumnCollector collector, CsvParseException e) {
        if (e.getCause() instanceof DataFileException ours) {
            return ours;
        }
        Throwable cause = e.getCause() instanceof CsvParseException parser ? parser : e;
        String problem = String.valueOf(cause.getMessage()).startsWith("Unexpected character after closing quote")
                ? "text after a closing quote in field " + (collector.fieldsRead() + 1)
                : "unterminated quote (fields may not span lines)";
        return new DataFileException(file, collector.line(), null, problem);
    }

    public Path file() {
        return file;
    }

    public CsvHeader header() {
        return header;
    }

    public int rows() {
        return lines.rows();
    }

    /** The column's text, one value per row: the array itself, shared, not a copy. */
    public String[] column(String name) {
        String[] values = columns.get(name);
        if (values == null) {
            throw new IllegalArgumentException("column " + name + " was not read");
        }
        return values;
    }

    /** The file line of a row, for messages. */
    public long line(int row) {
        return lines.line(row);
    }

    /** A problem with one value. */
    public DataFileException problem(int row, String column, String problem) {
        return new DataFileException(file, lines.line(row), column, problem);
    }

    /** A column of finite numbers; an empty, non-numeric or infinite value is an error naming its row and column. */
    public float[] numbers(String name) {
        float[] values = new float[rows()];
        for (int row = 0; row < values.length; row++) {
            values[row] = number(row, name);
        }
        return values;
    }

    /** One row's value of a column as a finite number, or an error naming the row and column. */
    public float number(int row, String name) {
        String text = column(name)[row];
        float value;
        try {
            value = Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw problem(row, name, text.isEmpty() ? "missing value; expected a number" : "expected a number, got \"" + text + "\"");
        }
        if (!Float.isFinite(value)) {
            throw problem(row, name, "expected a finite number, got \"" + text + "\"");
        }
        return value;
    }
}
