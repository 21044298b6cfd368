package dev.fulcrum.api;

import java.nio.file.Path;

/** A data file that is missing or malformed, located as precisely as the format allows. */
@Stable
public class DataFileException extends InvalidInputException {

    private final Path file;
    private final long row;
    private final String column;

    /**
     * @param row the 1-based line or record number, or 0 when the problem is the whole file
     * @param column the column name or number, or {@code null} when the problem is a whole row
     */
    public DataFileException(Path file, long row, String column, String problem) {
        super(describe(file, row, column, problem));
        this.file = file;
        this.row = row;
        this.column = column;
    }

    public DataFileException(Path file, String problem, Throwable cause) {
        super(describe(file, 0, null, problem), cause);
        this.file = file;
        this.row = 0;
        this.column = null;
    }

    private static String describe(Path file, long row, String column, String problem) {
        StringBuilder where = new StringBuilder(String.valueOf(file));
        if (row > 0) {
            where.append(": row ").append(row);
        }
        if (column != null) {
            where.append(row > 0 ? ", " : ": ").append("column ").append(column);
        }
        return where.append(": ").append(problem).toString();
    }

    public Path file() {
        return file;
    }

    public long row() {
        return row;
    }

    public String column() {
        return column;
    }
}
