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
 * How the strategy chose what to freeze from each cut's score ({@code summary.training.layer_choice},
 * {@code freeze: auto}): the score, rule, tolerance, chosen cut and reason, the candidates as table
 * {@code layer-choice-candidates} (input side first; the chosen row's cut cell has the class {@code chosen}) and
 * chart {@code layer-choice-scores} (series 0 the score of each cut, categories in the table's order).
 */
public final class LayerChoiceSection implements ReportSection {

    @Override
    public String id() {
        return "layer-choice";
    }

    @Override
    public String title() {
        return "What to freeze, by evidence";
    }

    @Override
    public boolean applies(RunView run) {
        return run.summary().at("training", "layer_choice").isObject();
    }

    @Override
    public Content render(RunView run) {
        JsonValue choice = run.summary().at("training", "layer_choice");
        String chosen = choice.get("freeze").textOr(Format.NONE);
        List<List<Table.Cell>> rows = new ArrayList<>();
        List<Object> layers = list();
        List<Object> scores = list();
        for (JsonValue candidate : choice.get("candidates").elements()) {
            String freeze = candidate.get("freeze").textOr(Format.NONE);
            String layer = candidate.get("layer").textOr(Format.NONE);
            rows.add(List.of(new Table.Cell(layer, null, freeze.equals(chosen) ? "chosen" : "label"), Table.Cell.label(freeze),
                    Table.Cell.number(candidate.get("score"))));
            layers.add(layer);
            scores.add(candidate.get("score").number().isPresent() ? candidate.get("score").number().getAsDouble() : null);
        }
        String score = choice.get("score").textOr(Format.NONE);
        Map<String, Object> option = base(object("type", "category", "data", layers, "name", "cut (the layer the trained part starts from)"),
                valueAxis(score, "dataMin", "dataMax"), list(object("type", "bar", "name", score, "data", scores)));
        return Templates.content("layerChoice.jte", new View(score, choice.get("rule").textOr(Format.NONE),
                Format.plain(choice.get("tolerance")), Format.plain(choice.get("rows")), chosen,
                choice.get("reason").textOr(Format.NONE), Format.seconds(choice.get("seconds")),
                new Table("layer-choice-candidates", List.of("cut", "freeze", score), rows), Chart.of("layer-choice-scores", option)));
    }

    record View(String score, String rule, String tolerance, String rows, String freeze, String reason, String seconds,
                Table table, Chart chart) {
    }
}
