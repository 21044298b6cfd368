package dev.fulcrum.core.cli;

import dev.fulcrum.api.DataFileException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a CSV file that a command needs, as text: a header line, then one row per line,
 * comma-separated, with RFC 4180 quotes within a line ({@code ""} for a quote). Blank lines are
 * skipped. Every problem names the file, the line (the header is line 1) and the column. Lines are
 * split as bytes, and only the fields of the columns the command needs become strings (one per
 * distinct value, see {@link ValueCache}); a line with a quote takes the slower path through text.
 */
final class CsvColumns {

    private final Path file;
    private final Map<String, String[]> columns;
    private final long[] lines;

    private CsvColumns(Path file, Map<String, String[]> columns, long[] lines) {
        this.file = file;
        this.columns = columns;
        this.lines = lines;
    }

    /** Reads the named columns; a name missing from the header is an error that lists the header. */
    static CsvColumns read(Path file, Collection<String> wanted) {
        try (InputStream in = Files.newInputStream(file)) {
            Reader reader = new Reader(file, wanted);
            ByteLines.forEach(in, reader);
            return reader.finish();
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, null, "no such file");
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Splits a line into fields; only fields whose position is wanted (or every field, when
     * {@code wantedAt} is null) are kept as text, the others are null.
     */
    private static List<String> split(String line, Path file, long lineNumber, String[] wantedAt) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        int length = line.length();
        while (true) {
            boolean keep = wantedAt == null || (fields.size() < wantedAt.length && wantedAt[fields.size()] != null);
            int at = start;
            while (at < length && line.charAt(at) == ' ') {
                at++;
            }
            if (at < length && line.charAt(at) == '"') {
                StringBuilder field = new StringBuilder();
                int i = at + 1;
                while (true) {
                    if (i >= length) {
                        throw new DataFileException(file, lineNumber, null, "unterminated quote (fields may not span lines)");
                    }
                    char c = line.charAt(i);
                    if (c == '"' && i + 1 < length && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (c == '"') {
                        i++;
                        break;
                    } else {
                        field.append(c);
                        i++;
                    }
                }
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? length : comma;
                if (!line.substring(i, end).isBlank()) {
                    throw new DataFileException(file, lineNumber, null, "text after a closing quote in field " + (fields.size() + 1));
                }
                fields.add(keep ? field.toString() : null);
                if (comma < 0) {
                    return fields;
                }
                start = comma + 1;
            } else {
                int comma = line.indexOf(',', start);
                int end = comma < 0 ? length : comma;
                fields.add(keep ? line.substring(start, end).trim() : null);
                if (comma < 0) {
                    return fields;
                }
                start = comma + 1;
            }
        }
    }

    Path file() {
        return file;
    }

    int rows() {
        return lines.length;
    }

    /** The column's text, one value per row; the array itself. */
    String[] column(String name) {
        String[] values = columns.get(name);
        if (values == null) {
            throw new IllegalArgumentException("column " + name + " was not read");
        }
        return values;
    }

    /** The file line of a row, for messages. */
    long line(int row) {
        return lines[row];
    }

    /** A problem with one value. */
    DataFileException problem(int row, String column, String problem) {
        return new DataFileException(file, lines[row], column, problem);
    }

    /** A column of finite numbers. */
    float[] numbers(String name) {
        String[] text = column(name);
        float[] values = new float[text.length];
        for (int row = 0; row < text.length; row++) {
            try {
                values[row] = Float.parseFloat(text[row]);
            } catch (NumberFormatException e) {
                throw problem(row, name, text[row].isEmpty() ? "missing value; expected a number" : "expected a number, got \"" + text[row] + "\"");
            }
            if (!Float.isFinite(values[row])) {
                throw problem(row, name, "expected a finite number, got \"" + text[row] + "\"");
            }
        }
        return values;
    }

    /** Takes the header from line 1, then the wanted fields of every other non-blank line. */
    private static final class Reader implements ByteLines.Visitor {
        private final Path file;
        private final Collection<String> wanted;
        private String[] wantedAt;
        private ValueCache[] caches;
        private String[][] values;
        private String[] fields;
        private long[] lines = new long[1024];
        private int rows;

        Reader(Path file, Collection<String> wanted) {
            this.file = file;
            this.wanted = wanted;
        }

        @Override
        public void line(byte[] bytes, int start, int end, long number) {
            if (number == 1) {
                header(bytes, start, end);
                return;
            }
            if (isBlank(bytes, start, end)) {
                return;
            }
            if (rows == lines.length) {
                grow();
            }
            int count = hasQuote(bytes, start, end) ? splitText(bytes, start, end, number) : splitBytes(bytes, start, end);
            if (count != wantedAt.length) {
                throw new DataFileException(file, number, null, "expected " + wantedAt.length + " fields as in the header, got " + count);
            }
            for (int column = 0; column < wantedAt.length; column++) {
                if (values[column] != null) {
                    values[column][rows] = fields[column];
                }
            }
            lines[rows++] = number;
        }

        private void header(byte[] bytes, int start, int end) {
            boolean bom = end - start >= 3 && bytes[start] == (byte) 0xEF && bytes[start + 1] == (byte) 0xBB && bytes[start + 2] == (byte) 0xBF;
            String text = new String(bytes, bom ? start + 3 : start, end - (bom ? start + 3 : start), StandardCharsets.UTF_8);
            if (text.isBlank()) {
                throw new DataFileException(file, 1, null, "the file is empty; the first line must be a header");
            }
            List<String> header = split(text, file, 1, null);
            wantedAt = new String[header.size()];
            for (String name : wanted) {
                int index = header.indexOf(name);
                if (index < 0) {
                    throw new DataFileException(file, 1, name, "no column \"" + name + "\" in the header; columns are " + header);
                }
                wantedAt[index] = name;
            }
            caches = new ValueCache[wantedAt.length];
            values = new String[wantedAt.length][];
            fields = new String[wantedAt.length];
            for (int column = 0; column < wantedAt.length; column++) {
                if (wantedAt[column] != null) {
                    caches[column] = new ValueCache();
                    values[column] = new String[lines.length];
                }
            }
        }

        /** The fast path, for lines without quotes: fields are the byte ranges between commas. */
        private int splitBytes(byte[] bytes, int start, int end) {
            int count = 0;
            int fieldStart = start;
            for (int i = start; i <= end; i++) {
                if (i == end || bytes[i] == ',') {
                    if (count < wantedAt.length && caches[count] != null) {
                        fields[count] = caches[count].get(bytes, fieldStart, i);
                    }
                    count++;
                    fieldStart = i + 1;
                }
            }
            return count;
        }

        private int splitText(byte[] bytes, int start, int end, long number) {
            List<String> split = split(new String(bytes, start, end - start, StandardCharsets.UTF_8), file, number, wantedAt);
            for (int column = 0; column < Math.min(split.size(), fields.length); column++) {
                fields[column] = split.get(column);
            }
            return split.size();
        }

        private void grow() {
            lines = Arrays.copyOf(lines, lines.length * 2);
            for (int column = 0; column < values.length; column++) {
                if (values[column] != null) {
                    values[column] = Arrays.copyOf(values[column], lines.length);
                }
            }
        }

        CsvColumns finish() {
            if (wantedAt == null) {
                throw new DataFileException(file, 1, null, "the file is empty; the first line must be a header");
            }
            if (rows == 0) {
                throw new DataFileException(file, 0, null, "the file has a header but no rows");
            }
            Map<String, String[]> columns = new LinkedHashMap<>();
            for (int column = 0; column < wantedAt.length; column++) {
                if (values[column] != null) {
                    columns.put(wantedAt[column], Arrays.copyOf(values[column], rows));
                }
            }
            return new CsvColumns(file, columns, Arrays.copyOf(lines, rows));
        }

        private static boolean isBlank(byte[] bytes, int start, int end) {
            for (int i = start; i < end; i++) {
                if ((bytes[i] & 0xff) > ' ') {
                    return false;
                }
            }
            return true;
        }

        private static boolean hasQuote(byte[] bytes, int start, int end) {
            for (int i = start; i < end; i++) {
                if (bytes[i] == '"') {
                    return true;
                }
            }
            return false;
        }
    }
}
