package dev.fulcrum.core.cli;

import dev.fulcrum.api.DataFileException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a CSV file that a command needs, as text: a header line, then one row per line,
 * comma-separated, with RFC 4180 quotes within a line ({@code ""} for a quote). Blank lines are
 * skipped. Every problem names the file, the line (the header is line 1) and the column. Columns
 * the command does not need are split past but never copied.
 */
final class CsvColumns {

    /** Repeated values of a column share one string, up to this many distinct values per column. */
    private static final int SHARED_VALUES = 4096;

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
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first == null || first.isBlank()) {
                throw new DataFileException(file, 1, null, "the file is empty; the first line must be a header");
            }
            List<String> header = split(first.startsWith("\uFEFF") ? first.substring(1) : first, file, 1, null);
            String[] wantedAt = new String[header.size()];
            for (String name : wanted) {
                int index = header.indexOf(name);
                if (index < 0) {
                    throw new DataFileException(file, 1, name, "no column \"" + name + "\" in the header; columns are " + header);
                }
                wantedAt[index] = name;
            }
            Builder builder = new Builder(wantedAt);
            long line = 1;
            for (String text; (text = reader.readLine()) != null; ) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                List<String> fields = split(text, file, line, wantedAt);
                if (fields.size() != header.size()) {
                    throw new DataFileException(file, line, null, "expected " + header.size() + " fields as in the header, got " + fields.size());
                }
                builder.add(fields, line);
            }
            if (builder.rows == 0) {
                throw new DataFileException(file, 0, null, "the file has a header but no rows");
            }
            return builder.build(file);
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

    private static final class Builder {
        private final String[] wantedAt;
        private final List<Map<String, String>> shared = new ArrayList<>();
        private String[][] values;
        private long[] lines = new long[1024];
        private int rows;

        Builder(String[] wantedAt) {
            this.wantedAt = wantedAt;
            values = new String[wantedAt.length][];
            for (int i = 0; i < wantedAt.length; i++) {
                values[i] = wantedAt[i] == null ? null : new String[1024];
                shared.add(new HashMap<>());
            }
        }

        void add(List<String> fields, long line) {
            if (rows == lines.length) {
                lines = Arrays.copyOf(lines, rows * 2);
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null) {
                        values[i] = Arrays.copyOf(values[i], rows * 2);
                    }
                }
            }
            lines[rows] = line;
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    values[i][rows] = share(i, fields.get(i));
                }
            }
            rows++;
        }

        /** Categorical columns repeat a few values; one string per value keeps memory and hashing low. */
        private String share(int column, String value) {
            Map<String, String> known = shared.get(column);
            String same = known.get(value);
            if (same != null) {
                return same;
            }
            if (known.size() < SHARED_VALUES) {
                known.put(value, value);
            }
            return value;
        }

        CsvColumns build(Path file) {
            Map<String, String[]> columns = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    columns.put(wantedAt[i], Arrays.copyOf(values[i], rows));
                }
            }
            return new CsvColumns(file, columns, Arrays.copyOf(lines, rows));
        }
    }
}
