package dev.fulcrum.io;

import dev.fulcrum.api.DataFileException;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kept columns of one stretch of a file, each an array indexed by field whose first
 * {@code lines.rows()} values are the rows, and how many lines the stretch has (every record of a
 * well-formed stretch is one line, blank ones included).
 */
record ColumnRows(ColumnChoice choice, String[][] values, RowLines lines, long lineCount) {

    /** The stretches of a file, in file order, as one table; each stretch's lines follow the lines before it. */
    static CsvColumns join(Path file, List<ColumnRows> parts) {
        RowLines lines = new RowLines();
        long before = 0;
        for (ColumnRows part : parts) {
            lines.addAll(part.lines(), before);
            before += part.lineCount();
        }
        if (lines.rows() == 0) {
            throw new DataFileException(file, 0, null, "the file has a header but no rows");
        }
        ColumnChoice choice = parts.get(0).choice();
        Map<String, String[]> columns = new LinkedHashMap<>();
        for (int column : choice.kept()) {
            String[] all = new String[lines.rows()];
            int row = 0;
            for (ColumnRows part : parts) {
                System.arraycopy(part.values()[column], 0, all, row, part.lines().rows());
                row += part.lines().rows();
            }
            columns.put(choice.name(column), all);
        }
        return new CsvColumns(file, choice.header(), columns, lines);
    }
}
