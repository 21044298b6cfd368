package dev.fulcrum.html;

import gg.jte.Content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.fulcrum.html.ChartOptions.base;
import static dev.fulcrum.html.ChartOptions.list;
import static dev.fulcrum.html.ChartOptions.object;
import static dev.fulcrum.html.ChartOptions.ratioAxis;

/**
 * The balance ({@code summary.balance}): specific and general test accuracy, the general accuracy before specific
 * training and the forgetting, as numbers and as the run's point on the specific-vs-general plane (chart
 * {@code balance-plane}: series 0, point {@code [general, specific]}; a vertical mark at {@code general_before}).
 */
public final class BalanceSection implements ReportSection {

    @Override
    public String id() {
        return "balance";
    }

    @Override
    public String title() {
        return "The balance";
    }

    @Override
    public boolean applies(RunView run) {
        return run.summary().at("balance", "specific").isNumber();
    }

    @Override
    public Content render(RunView run) {
        JsonValue balance = run.summary().get("balance");
        List<Figure> figures = List.of(
                Figure.of("specific", "specific test accuracy", balance.get("specific")),
                Figure.of("general", "general test accuracy", balance.get("general")),
                Figure.of("general_before", "general accuracy before specific training", balance.get("general_before")),
                Figure.of("forgetting", "forgetting (general before - general)", balance.get("forgetting")));
        return Templates.content("balance.jte", new View(figures, plane(run.name(), balance)));
    }

    private static Optional<Chart> plane(String runName, JsonValue balance) {
        JsonValue general = balance.get("general");
        if (!general.isNumber()) {
            return Optional.empty();
        }
        Map<String, Object> point = object("type", "scatter", "name", runName, "symbolSize", 14,
                "data", list(list(general.number().getAsDouble(), balance.get("specific").number().getAsDouble())));
        JsonValue before = balance.get("general_before");
        if (before.isNumber()) {
            point.put("markLine", object("symbol", "none", "label", object("formatter", "general before"),
                    "data", list(object("xAxis", before.number().getAsDouble()))));
        }
        List<Object> series = new ArrayList<>(List.of(point));
        return Optional.of(Chart.of("balance-plane",
                base(ratioAxis("general test accuracy"), ratioAxis("specific test accuracy"), series)));
    }

    record View(List<Figure> figures, Optional<Chart> plane) {
    }
}
