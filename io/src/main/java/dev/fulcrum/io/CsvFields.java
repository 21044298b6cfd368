package dev.fulcrum.io;

import java.util.List;

/** Writing CSV fields as RFC 4180 says. */
public final class CsvFields {

    private CsvFields() {
    }

    /** RFC 4180, Section 2: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
    public static String quoted(String field) {
        boolean needs = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
        return needs ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    /** The fields, each {@link #quoted}, joined by commas (no line end). */
    public static String line(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            line.append(i == 0 ? "" : ",").append(quoted(fields.get(i)));
        }
        return line.toString();
    }
}
