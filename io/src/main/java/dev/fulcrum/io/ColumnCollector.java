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
 * against the header's field count. FastCSV hands each field as a range of its buffer, so only
 * wanted fields become strings (one per distinct value, see {@link ValueCache}). Unquoted fields
 * are trimmed; quoted ones are kept as they are, but may not hold a line break, so a record is one
 * line and its line number is its row in every message. {@link #buildRecord} returns null, so
 * FastCSV's reader consumes the whole stretch in one call.
 */
final class ColumnCollector extends AbstractBaseCsvCallbackHandler<Void> {

    private final Path file;
    private final Function<CsvHeader, ColumnChoice> onHeader;
    private List<String> headerFields = new ArrayList<>();
    private ColumnChoice choice;
    private ValueCache[] caches;
    private String[][] values;
    private String[] fields;
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
    }

    @Override
    protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
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
            fields[index] = caches[index].get(buffer, start, end);
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
        int row = lines.rows();
        if (row == capacity) {
            grow();
        }
        for (int column : choice.kept()) {
            values[column][row] = fields[column];
        }
        lines.add(line());
        return null;
    }

    private void choose(ColumnChoice chosen) {
        choice = chosen;
        caches = new ValueCache[chosen.fields()];
        values = new String[chosen.fields()][];
        fields = new String[chosen.fields()];
        for (int column : chosen.kept()) {
            caches[column] = new ValueCache();
            values[column] = new String[capacity];
        }
    }

    /**
     * Doubles every column. Once large, the arrays are allocated outside the young generation
     * (G1's humongous objects, HotSpot GC tuning guide), so young collections during a long read
     * do not copy them.
     */
    private void grow() {
        capacity *= 2;
        for (int column : choice.kept()) {
            values[column] = Arrays.copyOf(values[column], capacity);
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
        return new ColumnRows(choice, values, lines, lastLine);
    }
}
