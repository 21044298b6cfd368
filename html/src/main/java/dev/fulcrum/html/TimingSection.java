package dev.fulcrum.html;

import gg.jte.Content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.fulcrum.html.ChartOptions.base;
import static dev.fulcrum.html.ChartOptions.list;
import static dev.fulcrum.html.ChartOptions.object;
import static dev.fulcrum.html.ChartOptions.valueAxis;

/**
 * Where the time went ({@code summary.timing}): seconds per stage (table {@code timing-stages}, chart
 * {@code timing-chart}: series 0 the seconds of each stage, categories in stage order), each training phase
 * ({@code summary.training.phases}), and what the run cost ({@code summary.resources}): parameters, forward
 * FLOPs per sample and training FLOPs ({@code resources-*} figures), the layers' parameters and FLOPs (table
 * {@code resources-layers}), each phase's samples, speed, trainable parameters and FLOPs ({@code resources-phases}),
 * the budget where there was one, and memory, machine and threads ({@code resources}).
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
                resources.isObject() ? Optional.of(resources(resources)) : Optional.empty()));
    }

    private static Resources resources(JsonValue resources) {
        List<Figure> figures = List.of(
                Figure.of("resources-parameters", "parameters", resources.at("parameters", "total")),
                Figure.of("resources-forward-flops", "forward FLOPs per sample", resources.at("forward_flops_per_sample", "total")),
                flops("resources-training-flops", "training FLOPs", resources.at("training", "flops")),
                Figure.of("resources-samples", "training samples", resources.at("training", "samples")),
                bytes("resources-heap", "peak JVM heap", resources.at("memory", "heap_peak_bytes")),
                bytes("resources-offheap", "peak off-heap (JavaCPP)", resources.at("memory", "offheap_peak_bytes")),
                bytes("resources-physical", "peak resident memory", resources.at("memory", "physical_peak_bytes")));
        List<List<Table.Cell>> layers = new ArrayList<>();
        for (JsonValue layer : resources.at("forward_flops_per_sample", "layers").elements()) {
            layers.add(List.of(Table.Cell.label(layer.get("layer").textOr("?")), Table.Cell.label(layer.get("kind").textOr("?")),
                    Table.Cell.plain(layer.get("parameters")), Table.Cell.plain(layer.get("trainable_parameters")),
                    Table.Cell.plain(layer.get("flops"))));
        }
        List<List<Table.Cell>> phases = new ArrayList<>();
        List<JsonValue> trainable = resources.at("parameters", "phases").elements();
        List<JsonValue> costs = resources.at("training", "phases").elements();
        for (int i = 0; i < costs.size(); i++) {
            JsonValue phase = costs.get(i);
            phases.add(List.of(Table.Cell.label(phase.get("name").textOr("?")), Table.Cell.plain(phase.get("epochs")),
                    Table.Cell.plain(phase.get("samples")), Table.Cell.number(phase.get("samples_per_second")),
                    i < trainable.size() ? Table.Cell.plain(trainable.get(i).get("trainable")) : Table.Cell.label(Format.NONE),
                    flopsCell(phase.get("flops"))));
        }
        JsonValue budget = resources.get("budget");
        return new Resources(figures, new Table("resources-layers", List.of("layer", "kind", "parameters", "trainable",
                "forward FLOPs per sample"), layers),
                new Table("resources-phases", List.of("phase", "epochs", "samples", "samples/s", "trainable parameters",
                        "training FLOPs"), phases),
                budget.isObject() ? Optional.of(Table.keyValues("resources-budget", "budget", budget)) : Optional.empty(),
                resources.at("forward_flops_per_sample", "convention").textOr(""),
                Table.keyValues("resources", "resource", resources.without(List.of("parameters", "forward_flops_per_sample",
                        "training", "budget", "stage_seconds"))));
    }

    private static Figure flops(String key, String label, JsonValue value) {
        return new Figure(key, label, Format.raw(value), flopsText(value));
    }

    private static String flopsText(JsonValue value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.3g", value.number().getAsDouble()) : Format.NONE;
    }

    private static Table.Cell flopsCell(JsonValue value) {
        return new Table.Cell(flopsText(value), Format.raw(value), null);
    }

    private static Figure bytes(String key, String label, JsonValue value) {
        return new Figure(key, label, Format.raw(value), value.isNumber()
                ? String.format(Locale.ROOT, "%.0f MiB", value.number().getAsDouble() / (1024 * 1024)) : Format.NONE);
    }

    record View(Figure total, Table stages, Chart chart, Table phases, Optional<Resources> resources) {
    }

    /** {@code memory} is memory, machine and threads as key-value rows; {@code convention} how FLOPs are counted. */
    record Resources(List<Figure> figures, Table layers, Table phases, Optional<Table> budget, String convention, Table memory) {
    }
}
