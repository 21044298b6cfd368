package dev.fulcrum.html;

import gg.jte.Content;

import java.util.ArrayList;
import java.util.List;

/**
 * The corrections files a run applied ({@code summary.feedback} = {@code {files: [{path, sha256, format, task, rows,
 * changed}], changed: {relabel, exclude, reweight, add, keep}}}): figures {@code feedback_<action>} (rows changed per
 * action in all), and table {@code feedback-files} (a row per file, in the order applied, with its SHA-256 and the rows
 * it changed per action; {@code -} where the run stopped before applying it). The rows themselves are in
 * {@code feedback.jsonl}.
 */
public final class FeedbackSection implements ReportSection {

    private static final List<String> ACTIONS = List.of("relabel", "exclude", "reweight", "add", "keep");

    @Override
    public String id() {
        return "feedback";
    }

    @Override
    public String title() {
        return "Expert feedback";
    }

    @Override
    public boolean applies(RunView run) {
        return run.summary().get("feedback").isObject();
    }

    @Override
    public Content render(RunView run) {
        JsonValue feedback = run.summary().get("feedback");
        List<Figure> figures = new ArrayList<>();
        for (String action : ACTIONS) {
            figures.add(Figure.of("feedback_" + action, action, feedback.at("changed", action)));
        }
        List<List<Table.Cell>> rows = new ArrayList<>();
        for (JsonValue file : feedback.get("files").elements()) {
            List<Table.Cell> row = new ArrayList<>(List.of(Table.Cell.label(file.get("path").textOr("?")),
                    Table.Cell.label(file.get("format").textOr("?")), Table.Cell.label(file.get("task").textOr(Format.NONE)),
                    new Table.Cell(file.get("sha256").textOr("?"), null, "label hash"), Table.Cell.plain(file.get("rows"))));
            ACTIONS.forEach(action -> row.add(Table.Cell.plain(file.at("changed", action))));
            rows.add(row);
        }
        List<String> headers = new ArrayList<>(List.of("file", "format", "task", "SHA-256", "reviewed rows"));
        headers.addAll(ACTIONS);
        return Templates.content("feedback.jte", new View(figures, new Table("feedback-files", headers, rows)));
    }

    record View(List<Figure> figures, Table files) {
    }
}
