package dev.fulcrum.html;

import gg.jte.Content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.fulcrum.html.ChartOptions.base;
import static dev.fulcrum.html.ChartOptions.list;
import static dev.fulcrum.html.ChartOptions.object;
import static dev.fulcrum.html.ChartOptions.valueAxis;

/**
 * A model soup of saved runs (schema 6: {@code ensemble.soup} = {@code {recipe, score, ingredients, validation_score,
 * steps: [{member, alone, tried, added, soup}]}}, each member's run in {@code ensemble.members[].run}): the members
 * in the order they were tried, each one's own validation score, the soup's score with it, whether it went in, and
 * the soup's score after. Chart {@code soup-steps}: x the step (from 1), series {@code alone} (the member's own
 * score) and {@code soup} (the soup's score after the step); table {@code soup-members} (a row per step, the
 * {@code in}/{@code out} cell with the class {@code added} or {@code left-out}).
 */
public final class SoupSection implements ReportSection {

    @Override
    public String id() {
        return "soup";
    }

    @Override
    public String title() {
        return "Model soup";
    }

    @Override
    public boolean applies(RunView run) {
        return run.summary().at("ensemble", "soup").isObject();
    }

    @Override
    public Content render(RunView run) {
        JsonValue soup = run.summary().at("ensemble", "soup");
        Map<String, String> runs = new java.util.LinkedHashMap<>();
        for (JsonValue member : run.summary().at("ensemble", "members").elements()) {
            runs.put(member.get("member").toString(), member.get("run").textOr(Format.NONE));
        }
        List<List<Table.Cell>> rows = new ArrayList<>();
        List<Object> alone = list();
        List<Object> after = list();
        int step = 0;
        for (JsonValue entry : soup.get("steps").elements()) {
            step++;
            String member = entry.get("member").toString();
            boolean added = entry.get("added").toString().equals("true");
            rows.add(List.of(Table.Cell.label(String.valueOf(step)), Table.Cell.label("member " + member),
                    Table.Cell.label(runs.getOrDefault(member, Format.NONE)), Table.Cell.number(entry.get("alone")),
                    Table.Cell.number(entry.get("tried")), new Table.Cell(added ? "in" : "out", null, added ? "added" : "left-out"),
                    Table.Cell.number(entry.get("soup"))));
            alone.add(list(step, value(entry.get("alone"))));
            after.add(list(step, value(entry.get("soup"))));
        }
        Chart chart = Chart.of("soup-steps", base(valueAxis("step", null, null), valueAxis("validation score", "dataMin", "dataMax"),
                List.of(object("type", "scatter", "name", "alone", "data", alone, "symbolSize", 9),
                        object("type", "line", "name", "soup", "data", after, "symbolSize", 7))));
        List<Figure> figures = List.of(Figure.of("soup_score", "the soup's validation score", soup.get("validation_score")));
        List<String> ingredients = soup.get("ingredients").elements().stream().map(JsonValue::toString).toList();
        return Templates.content("soup.jte", new View(soup.get("recipe").textOr(Format.NONE), soup.get("score").textOr(Format.NONE),
                String.join(", ", ingredients), figures, chart, new Table("soup-members",
                List.of("step", "member", "run", "alone", "soup with it", "in the soup", "soup after"), rows)));
    }

    private static Object value(JsonValue number) {
        return number.isNumber() ? number.number().getAsDouble() : null;
    }

    record View(String recipe, String score, String ingredients, List<Figure> figures, Chart chart, Table table) {
    }
}
