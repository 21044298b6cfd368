package dev.fulcrum.core.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** A table printed as aligned text columns, for the commands that print tables. */
final class TextTable {

    private TextTable() {
    }

    /** The first {@code textColumns} columns left-aligned (text), the others right-aligned (numbers). */
    static void print(PrintWriter out, List<String[]> rows, int textColumns) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String format = c < textColumns ? "%-" + widths[c] + "s" : "%" + widths[c] + "s";
                line.append(c == 0 ? "" : "  ").append(String.format(Locale.ROOT, format, row[c]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }
}
