package dev.fulcrum.html;

import gg.jte.Content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.fulcrum.html.ChartOptions.base;
import static dev.fulcrum.html.ChartOptions.list;
import static dev.fulcrum.html.ChartOptions.object;
import static dev.fulcrum.html.ChartOptions.ratioAxis;
import static dev.fulcrum.html.ChartOptions.valueAxis;

/**
 * Learning curves from {@code metrics.jsonl}, over {@code global_epoch} (epochs counted across phases), each phase a
 * shaded band named after it. Chart {@code curves-loss}: series 0 the training loss ({@code [global_epoch, loss]} of
 * every {@code train} line, in file order), then the validation loss of each task. Chart {@code curves-validation}:
 * per task its validation {@code accuracy}, then its {@code macro_f1}.
 */
public final class CurvesSection implements ReportSection {

    private static final String[] BANDS = {"rgba(51, 102, 204, 0.07)", "rgba(204, 136, 51, 0.09)"};

    @Override
    public String id() {
        return "curves";
    }

    @Override
    public String title() {
        return "Learning curves";
    }

    @Override
    public boolean applies(RunView run) {
        return !run.metrics("train").isEmpty() || !run.metrics("validation").isEmpty();
    }

    @Override
    public Content render(RunView run) {
        List<JsonValue> train = run.metrics("train");
        List<JsonValue> validation = run.metrics("validation");
        Set<String> tasks = new LinkedHashSet<>();
        validation.forEach(line -> tasks.addAll(line.get("metrics").fields().keySet()));

        List<Object> lossSeries = new ArrayList<>();
        lossSeries.add(line("training loss", points(train, "loss")));
        List<Object> validationSeries = new ArrayList<>();
        for (String task : tasks) {
            lossSeries.add(line("validation loss: " + task, points(validation, "metrics", task, "loss")));
            validationSeries.add(line(task + " accuracy", points(validation, "metrics", task, "accuracy")));
            validationSeries.add(line(task + " macro F1", points(validation, "metrics", task, "macro_f1")));
        }
        Object phases = phaseBands(run.metrics());
        List<Chart> charts = new ArrayList<>();
        charts.add(chart("curves-loss", valueAxis("loss", 0, null), lossSeries, phases));
        if (!validationSeries.isEmpty()) {
            charts.add(chart("curves-validation", ratioAxis("validation metric"), validationSeries, phases));
        }
        return Templates.content("curves.jte", charts);
    }

    private static Chart chart(String id, Object yAxis, List<Object> series, Object phases) {
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) series.get(0);
        first.put("markArea", phases);
        Map<String, Object> option = base(valueAxis("epoch (all phases)", "dataMin", "dataMax"), yAxis, series);
        option.put("tooltip", object("trigger", "axis"));
        return Chart.of(id, option);
    }

    private static Map<String, Object> line(String name, List<Object> points) {
        return object("type", "line", "name", name, "showSymbol", true, "symbolSize", 4, "data", points);
    }

    /** {@code [global_epoch, value]} of each line that has the value at {@code path}. */
    private static List<Object> points(List<JsonValue> lines, String... path) {
        List<Object> points = new ArrayList<>();
        for (JsonValue line : lines) {
            JsonValue value = line.at(path);
            if (value.isNumber() && line.get("global_epoch").isNumber()) {
                points.add(list(line.get("global_epoch").number().getAsDouble(), value.number().getAsDouble()));
            }
        }
        return points;
    }

    /** One band per phase, from its first global epoch to its last, labelled with its name. */
    private static Object phaseBands(List<JsonValue> lines) {
        Map<String, double[]> spans = new LinkedHashMap<>();
        for (JsonValue line : lines) {
            if (line.get("global_epoch").isNumber()) {
                double epoch = line.get("global_epoch").number().getAsDouble();
                spans.merge(line.get("phase").textOr("?"), new double[] {epoch, epoch},
                        (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
        }
        List<Object> bands = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, double[]> phase : spans.entrySet()) {
            bands.add(list(object("name", phase.getKey(), "xAxis", phase.getValue()[0],
                            "itemStyle", object("color", BANDS[index++ % BANDS.length])),
                    object("xAxis", phase.getValue()[1])));
        }
        return object("silent", true, "label", object("position", "insideTop"), "data", bands);
    }
}
