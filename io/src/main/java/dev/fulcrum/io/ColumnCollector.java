package dev.fulcrum.io;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import dev.fulcrum.api.DataFileException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Receives FastCSV's fields of one stretch of a file and keeps those of the wanted columns: the
 * header from line 1 when the stretch starts the file, then every non-blank record, checked
 * against the header's field count. FastCSV hands each field as a range of its buffer, and a
 * wanted field becomes the code of its value ({@link ValueCodes}), written straight into its
 * column: no string per field, and no reference stored per row. Unquoted fields
 * are trimmed; quoted ones are kept as they are, but may not hold a line break, so a record is one
 * line and its line number is its row in every message. {@link #buildRecord} returns null, so
 * FastCSV's reader consumes the whole stretch in one call.
 */
final class ColumnCollector extends AbstractBaseCsvCallbackHandler<Void> {

    private final Path file;
    private final Function<CsvHeader, ColumnChoice> onHeader;
    private List<String> headerFields = new ArrayList<>();
    private ColumnChoice choice;
    private ValueCodes[] distinct;
    private int[][] codes;
    private final RowLines lines = new RowLines();
    private int capacity = 1024;
    private boolean blank;
    private long lastLine;

    /** A collector for the start of a file: {@code onHeader} chooses the columns once the header is read. */
    ColumnCollector(Path file, Function<CsvHeader, ColumnChoice> onHeader) {
        this.file = file;
        this.onHeader = onHeader;
    }

    /** A collector for a stretch after the header, with the columns already chosen. */
    ColumnCollector(Path file, ColumnChoice choice) {
        this(file, header -> choice);
        choose(choice);
    }

    /** The line of the record being read, for messages about it. */
    long line() {
        return getStartingLineNumber();
    }

    /** How many fields of the record being read were complete. */
    int fieldsRead() {
        return getFieldCount();
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        blank = true;
        if (choice != null && lines.rows() == capacity) {
            grow();
        }
    }

    @Override
    protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
        if (!quoted && index > 0 && choice != null && !choice.wanted(index)) {
            return; // nothing to keep or check: only a first field can make a record blank
        }
        int start = offset;
        int end = offset + length;
        if (quoted) {
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n' || buffer[i] == '\r') {
                    throw new DataFileException(file, line(), null, "unterminated quote (fields may not span lines)");
                }
            }
            blank = false;
        } else {
            while (start < end && buffer[start] <= ' ') {
                start++;
            }
            while (end > start && buffer[end - 1] <= ' ') {
                end--;
            }
            blank &= start == end;
        }
        if (choice == null) {
            headerFields.add(new String(buffer, start, end - start));
        } else if (choice.wanted(index)) {
            // A record that turns out blank or bad leaves its codes in a row that is overwritten or never used.
            codes[index][lines.rows()] = distinct[index].code(buffer, start, end);
        }
    }

    @Override
    protected Void buildRecord() {
        lastLine = line();
        if (blank && getFieldCount() <= 1) {
            if (choice == null) {
                throw emptyFile();
            }
            return null;
        }
        if (choice == null) {
            choose(onHeader.apply(new CsvHeader(file, headerFields)));
            headerFields = null;
            return null;
        }
        if (getFieldCount() != choice.fields()) {
            throw new DataFileException(file, line(), null, "expected " + choice.fields() + " fields as in the header, got " + getFieldCount());
        }
        lines.add(line());
        return null;
    }

    private void choose(ColumnChoice chosen) {
        choice = chosen;
        distinct = new ValueCodes[chosen.fields()];
        codes = new int[chosen.fields()][];
        for (int column : chosen.kept()) {
            distinct[column] = new ValueCodes();
            codes[column] = new int[capacity];
        }
    }

    /** Doubles every column. */
    private void grow() {
        capacity *= 2;
        for (int column : choice.kept()) {
            codes[column] = Arrays.copyOf(codes[column], capacity);
        }
    }

    private DataFileException emptyFile() {
        return new DataFileException(file, 1, null, "the file is empty; the first line must be a header");
    }

    /**
     * The stretch's rows, once FastCSV has read all of it; its line numbers count from the
     * stretch's first line as 1, and its last record's line is its line count (blank lines are
     * records too, and a record of a well-formed stretch is one line).
     */
    ColumnRows rows() {
        if (choice == null) {
            throw emptyFile();
        }
        return new ColumnRows(choice, distinct, codes, lines, lastLine);
    }
}
