package dev.fulcrum.io;

import dev.fulcrum.api.DataFileException;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kept columns of one stretch of a file, each (indexed by field) its distinct values and an
 * array whose first {@code lines.rows()} codes are the rows, and how many lines the stretch has
 * (every record of a well-formed stretch is one line, blank ones included).
 */
record ColumnRows(ColumnChoice choice, ValueCodes[] distinct, int[][] codes, RowLines lines, long lineCount) {

    /**
     * The stretches of a file, in file order, as one table; each stretch's lines follow the lines
     * before it, and its codes become those of the first stretch's values, extended by the values
     * first seen later, so codes keep the order of first appearance in the file.
     */
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
        Map<String, CodedColumn> columns = new LinkedHashMap<>();
        for (int column : choice.kept()) {
            ValueCodes all = parts.get(0).distinct()[column];
            int[] codes = new int[lines.rows()];
            int row = 0;
            for (ColumnRows part : parts) {
                int[] partCodes = part.codes()[column];
                int rows = part.lines().rows();
                int[] toAll = part == parts.get(0) ? null : all.codesOf(part.distinct()[column]);
                if (toAll == null || isIdentity(toAll)) {
                    System.arraycopy(partCodes, 0, codes, row, rows);
                } else {
                    for (int r = 0; r < rows; r++) {
                        codes[row + r] = toAll[partCodes[r]];
                    }
                }
                row += rows;
            }
            columns.put(choice.name(column), new CodedColumn(all.values(), codes));
        }
        return new CsvColumns(file, choice.header(), columns, lines);
    }

    /** Whether a stretch met its values in the first stretch's order, so that its codes are already the file's. */
    private static boolean isIdentity(int[] codes) {
        for (int code = 0; code < codes.length; code++) {
            if (codes[code] != code) {
                return false;
            }
        }
        return true;
    }
}
