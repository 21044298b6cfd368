package dev.fulcrum.html;

import gg.jte.Content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Per task on the test rows ({@code summary.classes.test.<task>}): the confusion matrix as counts and row-normalised
 * (each true class's row divided by its count), cells shaded by that share, and per class precision, recall, F1 and
 * support. Tables {@code confusion-<i>}, {@code confusion-normalised-<i>} and {@code per-class-<i>}, {@code i} the
 * task's place in the summary.
 */
public final class TasksSection implements ReportSection {

    private static final int SHADES = 10;

    @Override
    public String id() {
        return "tasks";
    }

    @Override
    public String title() {
        return "Per task (test rows)";
    }

    @Override
    public boolean applies(RunView run) {
        return !run.summary().at("classes", "test").fields().isEmpty();
    }

    @Override
    public Content render(RunView run) {
        List<TaskView> tasks = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, JsonValue> task : run.summary().at("classes", "test").fields().entrySet()) {
            tasks.add(task(index++, task.getKey(), task.getValue(), run.summary().at("metrics", "test", task.getKey())));
        }
        return Templates.content("tasks.jte", tasks);
    }

    private static TaskView task(int index, String name, JsonValue classes, JsonValue metrics) {
        List<String> labels = classes.get("labels").elements().stream().map(label -> label.textOr("?")).toList();
        List<String> headers = new ArrayList<>(List.of("true \\ predicted"));
        headers.addAll(labels);
        List<List<Table.Cell>> counts = new ArrayList<>();
        List<List<Table.Cell>> shares = new ArrayList<>();
        List<JsonValue> rows = classes.get("confusion").elements();
        for (int r = 0; r < rows.size(); r++) {
            String label = r < labels.size() ? labels.get(r) : "?";
            List<JsonValue> row = rows.get(r).elements();
            double total = row.stream().mapToDouble(cell -> cell.number().orElse(0)).sum();
            List<Table.Cell> countRow = new ArrayList<>(List.of(Table.Cell.label(label)));
            List<Table.Cell> shareRow = new ArrayList<>(List.of(Table.Cell.label(label)));
            for (JsonValue cell : row) {
                double share = total > 0 ? cell.number().orElse(0) / total : 0;
                String shade = "shade-" + Math.round(share * SHADES);
                countRow.add(new Table.Cell(Format.plain(cell), Format.raw(cell), shade));
                shareRow.add(new Table.Cell(Format.number(java.util.OptionalDouble.of(share)), Double.toString(share),
                        shade));
            }
            counts.add(countRow);
            shares.add(shareRow);
        }
        List<List<Table.Cell>> perClass = new ArrayList<>();
        for (Map.Entry<String, JsonValue> entry : classes.get("per_class").fields().entrySet()) {
            JsonValue scores = entry.getValue();
            perClass.add(List.of(Table.Cell.label(entry.getKey()), Table.Cell.number(scores.get("precision")),
                    Table.Cell.number(scores.get("recall")), Table.Cell.number(scores.get("f1")),
                    Table.Cell.plain(scores.get("support"))));
        }
        List<Figure> figures = List.of(Figure.of(name + "-accuracy", "accuracy", metrics.get("accuracy")),
                Figure.of(name + "-macro_f1", "macro F1", metrics.get("macro_f1")),
                Figure.of(name + "-loss", "mean cross-entropy", metrics.get("loss")));
        return new TaskView(name, figures, new Table("confusion-" + index, headers, counts),
                new Table("confusion-normalised-" + index, headers, shares),
                new Table("per-class-" + index, List.of("class", "precision", "recall", "F1", "support"), perClass));
    }

    record TaskView(String name, List<Figure> figures, Table counts, Table normalised, Table perClass) {
    }
}
