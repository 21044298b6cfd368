package dev.fulcrum.core.feedback;

import dev.fulcrum.api.DataFileException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.core.run.Digests;
import dev.fulcrum.io.CsvColumns;
import dev.fulcrum.io.CsvHeader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the two CSV formats of corrections, through the shared reader {@link CsvColumns} (RFC 4180, columns by
 * name, problems naming file, line and column).
 *
 * <p>A review file ({@code fulcrum review}'s {@code review.csv}) has the columns
 * {@code id,task,split,given-label,predicted-label,probability,score,reason,action,new-label,weight,annotator,note},
 * of which only {@code id} and {@code action} are required. A row with an empty action was not reviewed and is
 * skipped. A plain CSV has {@code id,label} and optionally {@code weight,annotator,note,task}; each row with a label
 * labels a row ({@link Action#LABEL}).
 */
public final class CsvCorrections {

    private static final CorrectionsFile.Columns REVIEW = new CorrectionsFile.Columns("id", "task", "action", "new-label", "weight");
    private static final CorrectionsFile.Columns PLAIN = new CorrectionsFile.Columns("id", "task", null, "label", "weight");
    private static final List<String> OPTIONAL = List.of("task", "new-label", "label", "weight", "annotator", "note");

    private CsvCorrections() {
    }

    /** @param task the task of rows whose file has no task value, or {@code null} */
    public static CorrectionsFile review(Path file, String task) {
        return read(file, task, CorrectionsFormat.REVIEW, REVIEW);
    }

    /** @param task the task of rows whose file has no task value, or {@code null} */
    public static CorrectionsFile plain(Path file, String task) {
        return read(file, task, CorrectionsFormat.CSV, PLAIN);
    }

    private static CorrectionsFile read(Path file, String task, CorrectionsFormat format, CorrectionsFile.Columns names) {
        CsvColumns csv = CsvColumns.read(file, ',', header -> columns(header, names));
        boolean hasTask = csv.header().contains("task");
        if (!hasTask && task == null) {
            throw new DataFileException(file, 1, "task", "no task column; give the feedback entry a task (specific or general)");
        }
        List<Correction> rows = new ArrayList<>();
        for (int row = 0; row < csv.rows(); row++) {
            Action action = names.action() == null ? Action.LABEL : action(csv, row);
            String label = optional(csv, row, names.label());
            if (action == null || (names.action() == null && label == null)) {
                continue;
            }
            String id = csv.column("id")[row];
            if (id.isEmpty()) {
                throw csv.problem(row, "id", "missing value; every corrected row names its id");
            }
            String rowTask = hasTask && !csv.column("task")[row].isEmpty() ? csv.column("task")[row] : task;
            if (rowTask == null) {
                throw csv.problem(row, "task", "missing value; give the row's task or the feedback entry's task");
            }
            if (!rowTask.equals(Tasks.SPECIFIC) && !rowTask.equals(Tasks.GENERAL)) {
                throw csv.problem(row, "task", "expected specific or general, got \"" + rowTask + "\"");
            }
            if (action.needsLabel() && label == null) {
                throw csv.problem(row, names.label(), "missing value; " + action.label() + " needs a new label");
            }
            Float weight = weight(csv, row, names.weight());
            if (action == Action.REWEIGHT && weight == null) {
                throw csv.problem(row, names.weight(), "missing value; reweight needs a weight");
            }
            rows.add(new Correction(csv.line(row), rowTask, id, action, action.needsLabel() ? label : null,
                    action == Action.EXCLUDE || action == Action.KEEP ? null : weight,
                    optional(csv, row, "annotator"), optional(csv, row, "note"), null));
        }
        return new CorrectionsFile(file, Digests.sha256(file), format, CorrectionsFile.once(file, rows, names), names);
    }

    private static List<String> columns(CsvHeader header, CorrectionsFile.Columns names) {
        header.require("id");
        if (names.action() != null) {
            header.require(names.action());
        } else {
            header.require(names.label());
        }
        List<String> read = new ArrayList<>(List.of("id"));
        if (names.action() != null) {
            read.add(names.action());
        }
        OPTIONAL.stream().filter(header::contains).filter(c -> !read.contains(c)).forEach(read::add);
        return read;
    }

    private static Action action(CsvColumns csv, int row) {
        String text = csv.column("action")[row];
        if (text.isEmpty()) {
            return null;
        }
        Action action = Action.named(text);
        if (action == null) {
            throw csv.problem(row, "action", "unknown action \"" + text + "\"; expected keep, relabel, exclude, reweight or add (or nothing)");
        }
        return action;
    }

    private static String optional(CsvColumns csv, int row, String column) {
        if (!csv.header().contains(column)) {
            return null;
        }
        String text = csv.column(column)[row];
        return text.isEmpty() ? null : text;
    }

    private static Float weight(CsvColumns csv, int row, String column) {
        if (optional(csv, row, column) == null) {
            return null;
        }
        float weight = csv.number(row, column);
        if (weight < 0) {
            throw csv.problem(row, column, "a weight is at least 0, got " + csv.column(column)[row]);
        }
        return weight;
    }
}
