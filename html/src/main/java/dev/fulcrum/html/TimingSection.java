package dev.fulcrum.html;

import gg.jte.Content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.fulcrum.html.ChartOptions.base;
import static dev.fulcrum.html.ChartOptions.list;
import static dev.fulcrum.html.ChartOptions.object;
import static dev.fulcrum.html.ChartOptions.valueAxis;

/**
 * Where the time went ({@code summary.timing}): seconds per stage (table {@code timing-stages}, chart
 * {@code timing-chart}: series 0 the seconds of each stage, categories in stage order), each training phase
 * ({@code summary.training.phases}), and {@code summary.resources} as it stands wherever a run records it.
 */
public final class TimingSection implements ReportSection {

    @Override
    public String id() {
        return "timing";
    }

    @Override
    public String title() {
        return "Timing and resources";
    }

    @Override
    public boolean applies(RunView run) {
        return run.summary().get("timing").isObject();
    }

    @Override
    public Content render(RunView run) {
        JsonValue timing = run.summary().get("timing");
        List<List<Table.Cell>> stages = new ArrayList<>();
        List<Object> names = new ArrayList<>();
        List<Object> seconds = new ArrayList<>();
        for (Map.Entry<String, JsonValue> stage : timing.get("stages").fields().entrySet()) {
            stages.add(List.of(Table.Cell.label(stage.getKey()), new Table.Cell(Format.seconds(stage.getValue()),
                    Format.raw(stage.getValue()), null)));
            names.add(stage.getKey());
            seconds.add(stage.getValue().number().isPresent() ? stage.getValue().number().getAsDouble() : null);
        }
        Map<String, Object> option = base(valueAxis("seconds", 0, null), object("type", "category", "data", names,
                "inverse", true), list(object("type", "bar", "name", "seconds", "data", seconds)));
        option.put("grid", object("left", 96, "right", 24, "top", 40, "bottom", 48));
        List<List<Table.Cell>> phases = new ArrayList<>();
        for (JsonValue phase : run.summary().at("training", "phases").elements()) {
            phases.add(List.of(Table.Cell.label(phase.get("name").textOr("?")), Table.Cell.plain(phase.get("epochs_run")),
                    Table.Cell.plain(phase.get("best_epoch")), Table.Cell.number(phase.get("best_value")),
                    Table.Cell.plain(phase.get("stopped_early")),
                    new Table.Cell(Format.seconds(phase.get("seconds")), Format.raw(phase.get("seconds")), null)));
        }
        JsonValue resources = run.summary().get("resources");
        return Templates.content("timing.jte", new View(
                Figure.of("total_seconds", "seconds in all", timing.get("total_seconds")),
                new Table("timing-stages", List.of("stage", "time"), stages), Chart.of("timing-chart", option),
                new Table("timing-phases", List.of("phase", "epochs run", "best epoch", "best value", "stopped early",
                        "time"), phases),
                resources.isObject() ? Optional.of(Table.keyValues("resources", "resource", resources)) : Optional.empty()));
    }

    record View(Figure total, Table stages, Chart chart, Table phases, Optional<Table> resources) {
    }
}
