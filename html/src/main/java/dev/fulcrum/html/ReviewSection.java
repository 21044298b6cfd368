package dev.fulcrum.html;

import gg.jte.Content;

import java.util.ArrayList;
import java.util.List;

/**
 * What the latest {@code fulcrum review} chose ({@code review.json}): its query, task and settings, its summary line,
 * where its {@code review.csv} and page went, and its first rows as table {@code review-rows}. Nothing without the file.
 */
public final class ReviewSection implements ReportSection {

    @Override
    public String id() {
        return "review";
    }

    @Override
    public String title() {
        return "Review";
    }

    @Override
    public boolean applies(RunView run) {
        return run.review().isObject();
    }

    @Override
    public Content render(RunView run) {
        JsonValue review = run.review();
        List<List<Table.Cell>> rows = new ArrayList<>();
        for (JsonValue row : review.get("first_rows").elements()) {
            rows.add(List.of(Table.Cell.label(row.get("id").textOr(Format.NONE)), Table.Cell.label(row.get("given_label").textOr("")),
                    Table.Cell.label(row.get("predicted_label").textOr(Format.NONE)), Table.Cell.number(row.get("probability")),
                    Table.Cell.number(row.get("score")), Table.Cell.label(row.get("reason").textOr(Format.NONE))));
        }
        Table table = new Table("review-rows", List.of("id", "given label", "predicted label", "probability", "score", "reason"), rows);
        return Templates.content("reviewSection.jte", new View(review.get("query").textOr(Format.NONE), review.get("task").textOr(Format.NONE),
                review.get("summary").textOr(Format.NONE), review.get("csv").textOr(Format.NONE), review.get("html").textOr(Format.NONE),
                review.get("created").textOr(Format.NONE), Format.plain(review.get("rows")), table));
    }

    record View(String query, String task, String summary, String csv, String html, String created, String rows, Table table) {
    }
}
