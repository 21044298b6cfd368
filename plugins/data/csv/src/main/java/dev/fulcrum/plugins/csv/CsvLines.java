package dev.fulcrum.plugins.csv;

import dev.fulcrum.api.DataFileException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line into fields: RFC 4180 quoting within a line, {@code ""} for a quote. */
final class CsvLines {

    private CsvLines() {
    }

    static List<String> split(String line, char delimiter, Path file, long lineNumber) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new DataFileException(file, lineNumber, null, "unterminated quote (fields may not span lines)");
        }
        fields.add(field.toString().trim());
        return fields;
    }
}
