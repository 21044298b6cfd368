package dev.fulcrum.core.feedback;

import dev.fulcrum.api.DataFileException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A corrections file as read: its reviewed rows in file order, each (task, id) once, and the names its format
 * gives the fields, so that a problem found against the data names the file, the line and the column.
 *
 * @param sha256 of the file's bytes as read, for the trail, the summary and a replay's check
 * @param rows   every reviewed row ({@code keep} included); rows without an action or label are left out
 */
public record CorrectionsFile(Path path, String sha256, CorrectionsFormat format, List<Correction> rows, Columns columns) {

    /**
     * The names of the fields in this format, for messages.
     *
     * @param task {@code null} where the format has no task field (the feedback entry's {@code task} is used)
     */
    public record Columns(String id, String task, String action, String label, String weight) {
    }

    public CorrectionsFile {
        rows = List.copyOf(rows);
    }

    /** A problem with one field of one row. */
    public DataFileException problem(Correction row, String column, String problem) {
        return new DataFileException(path, row.line(), column, problem);
    }

    /**
     * The rows with each (task, id) once: a repeat asking for the same change is dropped (Label Studio exports one
     * record per annotation, and two annotators may agree); a repeat asking for another change is an error, since
     * which one the expert meant is not for Fulcrum to guess.
     */
    static List<Correction> once(Path path, List<Correction> rows, Columns columns) {
        Map<String, Correction> seen = new HashMap<>();
        List<Correction> kept = new ArrayList<>();
        for (Correction row : rows) {
            Correction earlier = seen.putIfAbsent(row.task() + "\u0000" + row.id(), row);
            if (earlier == null) {
                kept.add(row);
            } else if (!earlier.sameChange(row)) {
                throw new DataFileException(path, row.line(), columns.id(), "row " + row.id() + " of task " + row.task()
                        + " is corrected twice: " + earlier.describe() + " on line " + earlier.line() + ", " + row.describe()
                        + " here; keep one");
            }
        }
        return kept;
    }
}
