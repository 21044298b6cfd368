package dev.fulcrum.io;

import dev.fulcrum.api.DataFileException;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The columns of a CSV file that a reader needs, as text, one value per row: a header line, then
 * one row per line, with RFC 4180 quotes ({@code ""} for a quote) within a line. Unquoted values
 * are trimmed, blank lines are skipped, a leading byte-order mark is dropped. Every problem is a
 * {@link DataFileException} naming the file, the line (the header is line 1) and the column. The
 * whole file is read before anything is returned, so a bad row never leaves half a table behind.
 * Parsing is FastCSV's (<a href="https://fastcsv.org">fastcsv.org</a>), which stays behind this
 * API so that a plugin may bundle a FastCSV of its own; a large file is parsed in ranges on the
 * cores ({@code CsvRead}), with the values, lines and messages of a read in one pass. A file of
 * 1 MiB or more is parsed once per state of the file: the columns read are kept on disk
 * ({@code CsvCache}), and a later read of the same file, delimiter and columns, in any JVM, loads
 * them instead of parsing ({@code -Dfulcrum.csv.cache=off} turns this off).
 */
public final class CsvColumns {

    private final Path file;
    private final CsvHeader header;
    private final Map<String, CodedColumn> columns;
    private final RowLines lines;

    CsvColumns(Path file, CsvHeader header, Map<String, CodedColumn> columns, RowLines lines) {
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
        return CsvCache.fromSystemProperties().read(file, delimiter, choose);
    }

    /** These columns alone, in the order they were read (the file's); each must have been read. */
    CsvColumns only(List<String> names) {
        Map<String, CodedColumn> kept = new LinkedHashMap<>();
        for (Map.Entry<String, CodedColumn> column : columns.entrySet()) {
            if (names.contains(column.getKey())) {
                kept.put(column.getKey(), column.getValue());
            }
        }
        if (kept.size() != names.size()) {
            throw new IllegalArgumentException("not every column of " + names + " was read: " + columns.keySet());
        }
        return kept.size() == columns.size() ? this : new CsvColumns(file, header, kept, lines);
    }

    Map<String, CodedColumn> codedColumns() {
        return columns;
    }

    RowLines rowLines() {
        return lines;
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

    /** The column's text, one value per row: made on the first call, then the array itself, shared, not a copy. */
    public String[] column(String name) {
        return coded(name).text();
    }

    /**
     * The column's distinct values, in order of first appearance in the file; with {@link #codes}
     * a reader can work once per value instead of once per row. The array itself, shared.
     */
    public String[] values(String name) {
        return coded(name).values();
    }

    /** Each row's code in the column: the index of its value in {@link #values}. The array itself, shared. */
    public int[] codes(String name) {
        return coded(name).codes();
    }

    /** The first row whose code in the column is {@code code}, for the message about its value. */
    public int firstRow(String name, int code) {
        return coded(name).firstRow(code);
    }

    private CodedColumn coded(String name) {
        CodedColumn column = columns.get(name);
        if (column == null) {
            throw new IllegalArgumentException("column " + name + " was not read");
        }
        return column;
    }

    /** The file line of a row, for messages. */
    public long line(int row) {
        return lines.line(row);
    }

    /** Every row's file line, as {@link #line} gives it; a new array. */
    public long[] lines() {
        return lines.all();
    }

    /**
     * The first row's line where every later row is on the line after the one before (no blank
     * line between rows), so that {@code line(row)} is this plus {@code row}; else -1 (also for no rows).
     */
    public long firstLineIfConsecutive() {
        return lines.firstIfConsecutive();
    }

    /** A problem with one value. */
    public DataFileException problem(int row, String column, String problem) {
        return new DataFileException(file, lines.line(row), column, problem);
    }

    /** A column of finite numbers; an empty, non-numeric or infinite value is an error naming its row and column. */
    public float[] numbers(String name) {
        CodedColumn column = coded(name);
        String[] text = column.values();
        float[] byCode = new float[text.length];
        String[] problems = null;
        for (int code = 0; code < text.length; code++) {
            String problem = parse(text[code], byCode, code);
            if (problem != null) {
                problems = problems == null ? new String[text.length] : problems;
                problems[code] = problem;
            }
        }
        int[] codes = column.codes();
        float[] values = new float[codes.length];
        for (int row = 0; row < values.length; row++) {
            if (problems != null && problems[codes[row]] != null) {
                throw problem(row, name, problems[codes[row]]);
            }
            values[row] = byCode[codes[row]];
        }
        return values;
    }

    /** One row's value of a column as a finite number, or an error naming the row and column. */
    public float number(int row, String name) {
        CodedColumn column = coded(name);
        float[] value = new float[1];
        String problem = parse(column.values()[column.codes()[row]], value, 0);
        if (problem != null) {
            throw problem(row, name, problem);
        }
        return value[0];
    }

    /** Puts the text's number at {@code into[at]}; returns what is wrong with the text instead, if anything. */
    private static String parse(String text, float[] into, int at) {
        try {
            into[at] = Float.parseFloat(text);
        } catch (NumberFormatException e) {
            return text.isEmpty() ? "missing value; expected a number" : "expected a number, got \"" + text + "\"";
        }
        return Float.isFinite(into[at]) ? null : "expected a finite number, got \"" + text + "\"";
    }
}
