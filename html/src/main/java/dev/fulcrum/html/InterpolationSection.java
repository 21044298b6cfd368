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
 * The weight-space interpolation (WiSE-FT; {@code summary.interpolation} and {@code summary.balance.curve}): the rule,
 * the chosen alpha and test accuracy there and at theta_1, the validation curve on the specific-vs-general plane
 * (chart {@code interpolation-curve}: series {@code curve}, points {@code {name: "alpha A", value: [general,
 * specific]}} in grid order, and series {@code chosen} with the chosen point), and the curve as table
 * {@code interpolation-points} (the chosen row's alpha cell has the class {@code chosen}).
 */
public final class InterpolationSection implements ReportSection {

    @Override
    public String id() {
        return "interpolation";
    }

    @Override
    public String title() {
        return "Weight-space interpolation";
    }

    @Override
    public boolean applies(RunView run) {
        return run.summary().get("interpolation").isObject() && !run.summary().at("balance", "curve").elements().isEmpty();
    }

    @Override
    public Content render(RunView run) {
        JsonValue interpolation = run.summary().get("interpolation");
        List<JsonValue> curve = run.summary().at("balance", "curve").elements();
        double chosen = interpolation.get("chosen_alpha").number().orElse(Double.NaN);
        List<Figure> figures = List.of(
                Figure.of("chosen_alpha", "chosen alpha (0: theta_0, 1: fine-tuned)", interpolation.get("chosen_alpha")),
                Figure.of("interpolated_specific", "specific test accuracy at the chosen alpha", interpolation.at("test", "specific")),
                Figure.of("interpolated_general", "general test accuracy at the chosen alpha", interpolation.at("test", "general")),
                Figure.of("fine_tuned_specific", "specific test accuracy fine-tuned (alpha 1)", interpolation.at("fine_tuned_test", "specific")),
                Figure.of("fine_tuned_general", "general test accuracy fine-tuned (alpha 1)", interpolation.at("fine_tuned_test", "general")));
        List<List<Table.Cell>> rows = new ArrayList<>();
        List<Object> points = list();
        List<Object> chosenPoint = list();
        for (JsonValue point : curve) {
            boolean isChosen = point.get("alpha").number().orElse(Double.NaN) == chosen;
            String css = isChosen ? "chosen" : null;
            rows.add(List.of(new Table.Cell(Format.plain(point.get("alpha")), Format.raw(point.get("alpha")), css),
                    Table.Cell.number(point.get("specific")), Table.Cell.number(point.get("general"))));
            Map<String, Object> plotted = object("name", "alpha " + Format.plain(point.get("alpha")),
                    "value", list(value(point.get("general")), value(point.get("specific"))));
            points.add(plotted);
            if (isChosen) {
                chosenPoint.add(object("name", plotted.get("name"), "value", plotted.get("value")));
            }
        }
        Map<String, Object> line = object("type", "line", "name", "curve", "data", points, "symbolSize", 8,
                "label", object("show", true, "formatter", "{b}", "position", "right", "fontSize", 10));
        Map<String, Object> mark = object("type", "scatter", "name", "chosen", "data", chosenPoint, "symbol", "diamond",
                "symbolSize", 18);
        Chart chart = Chart.of("interpolation-curve", base(valueAxis("general validation accuracy", "dataMin", "dataMax"),
                valueAxis("specific validation accuracy", "dataMin", "dataMax"), List.of(line, mark)));
        String rule = interpolation.get("rule").textOr(Format.NONE);
        String bound = interpolation.get("min_general").isNumber() ? " with general at least " + Format.plain(interpolation.get("min_general")) : "";
        boolean met = !interpolation.get("rule_met").toString().equals("false");
        return Templates.content("interpolation.jte", new View(rule + bound, met, interpolation.get("theta0").textOr(Format.NONE),
                figures, chart, new Table("interpolation-points", List.of("alpha", "specific (validation)", "general (validation)"), rows)));
    }

    private static Object value(JsonValue number) {
        return number.isNumber() ? number.number().getAsDouble() : null;
    }

    record View(String rule, boolean ruleMet, String theta0, List<Figure> figures, Chart chart, Table table) {
    }
}
