package dev.fulcrum.runtime;

import dev.fulcrum.api.InvalidInputException;

import java.util.List;

/**
 * New rows by column name, as a service or a file has them: the values of feature columns (numbers,
 * or category names for categorical features), and optionally an {@code id} column, a {@code domain}
 * column, a label column
 * per task (named after the task, holding class names) and the sensitive attributes a saved decision
 * rule reads. {@link #ofMaps} adapts a list of {@code Map}s, one per row.
 */
public interface RowColumns {

    /** The name of the optional column whose values identify the rows in predictions. */
    String ID = "id";

    /**
     * The name of the optional column that says each row's domain (one of the run's domains, by
     * name); rows without it belong to the run's {@code target} domain where it had one, else to its
     * only domain. Domain adaptation saved with a model adapts each row by its domain.
     */
    String DOMAIN = "domain";

    int rows();

    /** Every column name the rows have. */
    List<String> columns();

    /** A value as a number; a located {@link #problem} where it is not one. */
    float number(int row, String column);

    /** A value as text (a category or class name, a sensitive attribute, an id); empty where it is missing. */
    String text(int row, String column);

    /** A problem with one value, located as precisely as the source allows (for a file: its line). */
    InvalidInputException problem(int row, String column, String problem);

    /** Rows as maps from column name to value: a {@link Number} or text for a number, text for the rest. */
    static RowColumns ofMaps(List<? extends java.util.Map<String, ?>> rows) {
        return new MapRows(rows);
    }
}
