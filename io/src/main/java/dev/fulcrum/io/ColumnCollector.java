package dev.fulcrum.io;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import dev.fulcrum.api.DataFileException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Receives FastCSV's fields and keeps those of the wanted columns: the header from line 1, then
 * every non-blank record, checked against the header's field count. FastCSV hands each field as a
 * range of its buffer, so only wanted fields become strings (one per distinct value, see
 * {@link ValueCache}). Unquoted fields are trimmed; quoted ones are kept as they are, but may not
 * hold a line break, so a record is one line and its line number is its row in every message.
 * {@link #buildRecord} returns null, so FastCSV's reader consumes the whole file in one call.
 */
final class ColumnCollector extends AbstractBaseCsvCallbackHandler<Void> {

    private final Path file;
    private final Function<CsvHeader, ? extends Collection<String>> choose;
    private List<String> headerFields = new ArrayList<>();
    private CsvHeader header;
    private String[] wantedAt;
    private ValueCache[] caches;
    private String[][] values;
    private String[] fields;
    private int[] kept;
    private final RowLines lines = new RowLines();
    private int capacity = 1024;
    private boolean blank;

    ColumnCollector(Path file, Function<CsvHeader, ? extends Collection<String>> choose) {
        this.file = file;
        this.choose = choose;
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
        if (header == null) {
            headerFields.add(new String(buffer, start, end - start));
        } else if (index < wantedAt.length && caches[index] != null) {
            fields[index] = caches[index].get(buffer, start, end);
        }
    }

    @Override
    protected Void buildRecord() {
        if (blank && getFieldCount() <= 1) {
            if (header == null) {
                throw new DataFileException(file, 1, null, "the file is empty; the first line must be a header");
            }
            return null;
        }
        if (header == null) {
            readHeader();
            return null;
        }
        if (getFieldCount() != wantedAt.length) {
            throw new DataFileException(file, line(), null, "expected " + wantedAt.length + " fields as in the header, got " + getFieldCount());
        }
        int row = lines.rows();
        if (row == capacity) {
            grow();
        }
        for (int column : kept) {
            values[column][row] = fields[column];
        }
        lines.add(line());
        return null;
    }

    private void readHeader() {
        header = new CsvHeader(file, headerFields);
        headerFields = null;
        wantedAt = new String[header.size()];
        for (String name : choose.apply(header)) {
            header.require(name);
            wantedAt[header.index(name)] = name;
        }
        caches = new ValueCache[wantedAt.length];
        values = new String[wantedAt.length][];
        fields = new String[wantedAt.length];
        for (int column = 0; column < wantedAt.length; column++) {
            if (wantedAt[column] != null) {
                caches[column] = new ValueCache();
                values[column] = new String[capacity];
            }
        }
        kept = IntStream.range(0, wantedAt.length).filter(column -> wantedAt[column] != null).toArray();
    }

    /**
     * Doubles every column. Once large, the arrays are allocated outside the young generation
     * (G1's humongous objects, HotSpot GC tuning guide), so young collections during a long read
     * do not copy them.
     */
    private void grow() {
        capacity *= 2;
        for (int column : kept) {
            values[column] = Arrays.copyOf(values[column], capacity);
        }
    }

    CsvColumns finish() {
        if (header == null) {
            throw new DataFileException(file, 1, null, "the file is empty; the first line must be a header");
        }
        if (lines.rows() == 0) {
            throw new DataFileException(file, 0, null, "the file has a header but no rows");
        }
        Map<String, String[]> columns = new LinkedHashMap<>();
        for (int column = 0; column < wantedAt.length; column++) {
            if (values[column] != null) {
                columns.put(wantedAt[column], Arrays.copyOf(values[column], lines.rows()));
            }
        }
        return new CsvColumns(file, header, columns, lines);
    }
}
