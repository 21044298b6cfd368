package dev.fulcrum.runtime;

import dev.fulcrum.api.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rows given as one map per row; every column any row has counts, and a key a row lacks is a missing value. */
final class MapRows implements RowColumns {

    private final List<? extends Map<String, ?>> rows;
    private final List<String> columns;

    MapRows(List<? extends Map<String, ?>> rows) {
        this.rows = List.copyOf(rows);
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(row -> names.addAll(row.keySet()));
        this.columns = new ArrayList<>(names);
    }

    @Override
    public int rows() {
        return rows.size();
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public float number(int row, String column) {
        Object value = rows.get(row).get(column);
        if (value instanceof Number number) {
            return number.floatValue();
        }
        if (value == null) {
            throw problem(row, column, "missing value");
        }
        try {
            return Float.parseFloat(value.toString().trim());
        } catch (NumberFormatException e) {
            throw problem(row, column, "expected a number, got \"" + value + "\"");
        }
    }

    @Override
    public String text(int row, String column) {
        Object value = rows.get(row).get(column);
        return value == null ? "" : value.toString();
    }

    @Override
    public InvalidInputException problem(int row, String column, String problem) {
        return new InvalidInputException("row " + row + ", column " + column + ": " + problem);
    }
}
