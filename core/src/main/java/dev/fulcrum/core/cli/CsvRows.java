package dev.fulcrum.core.cli;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.io.CsvColumns;
import dev.fulcrum.runtime.RowColumns;

import java.util.List;

/** The columns of a CSV file as rows for a saved model: values located by the file's line. */
final class CsvRows implements RowColumns {

    private final CsvColumns columns;

    CsvRows(CsvColumns columns) {
        this.columns = columns;
    }

    @Override
    public int rows() {
        return columns.rows();
    }

    @Override
    public List<String> columns() {
        return columns.header().names();
    }

    @Override
    public float number(int row, String column) {
        return columns.number(row, column);
    }

    @Override
    public String text(int row, String column) {
        return columns.column(column)[row];
    }

    @Override
    public InvalidInputException problem(int row, String column, String problem) {
        return columns.problem(row, column, problem);
    }
}
