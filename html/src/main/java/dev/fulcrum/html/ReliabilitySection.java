package dev.fulcrum.html;

import gg.jte.Content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.fulcrum.html.ChartOptions.base;
import static dev.fulcrum.html.ChartOptions.list;
import static dev.fulcrum.html.ChartOptions.object;
import static dev.fulcrum.html.ChartOptions.ratioAxis;

/**
 * Reliability diagrams (Niculescu-Mizil and Caruana 2005; Guo et al. 2017, "On Calibration of Modern Neural
 * Networks"), where the summary has calibration. The shape read (summary.json schema 4):
 * {@code calibration.<split>.<task>} = {@code {ece, brier, nll, bins: [{lower, upper, count, confidence, accuracy}]}},
 * a bin's confidence range, how many predictions fall in it, their mean confidence and their accuracy ({@code null}
 * for an empty bin). Chart {@code reliability-<i>} per split and task (in summary order): series 0 the diagonal of
 * perfect calibration, series 1 {@code [confidence, accuracy]} of each bin with predictions; the table lists those bins.
 */
public final class ReliabilitySection implements ReportSection {

    @Override
    public String id() {
        return "reliability";
    }

    @Override
    public String title() {
        return "Reliability";
    }

    @Override
    public boolean applies(RunView run) {
        return !diagrams(run).isEmpty();
    }

    @Override
    public Content render(RunView run) {
        return Templates.content("reliability.jte", diagrams(run));
    }

    private static List<Diagram> diagrams(RunView run) {
        List<Diagram> diagrams = new ArrayList<>();
        for (Map.Entry<String, JsonValue> split : run.summary().get("calibration").fields().entrySet()) {
            for (Map.Entry<String, JsonValue> task : split.getValue().fields().entrySet()) {
                List<JsonValue> bins = task.getValue().get("bins").elements();
                if (!bins.isEmpty()) {
                    diagrams.add(diagram(diagrams.size(), split.getKey(), task.getKey(), task.getValue(), bins));
                }
            }
        }
        return diagrams;
    }

    private static Diagram diagram(int index, String split, String task, JsonValue calibration, List<JsonValue> bins) {
        List<Object> points = new ArrayList<>();
        List<List<Table.Cell>> rows = new ArrayList<>();
        for (JsonValue bin : bins) {
            if (bin.get("confidence").isNumber() && bin.get("accuracy").isNumber()) {
                points.add(list(bin.get("confidence").number().getAsDouble(), bin.get("accuracy").number().getAsDouble()));
                rows.add(List.of(Table.Cell.number(bin.get("lower")), Table.Cell.number(bin.get("upper")),
                        Table.Cell.number(bin.get("confidence")), Table.Cell.number(bin.get("accuracy")),
                        Table.Cell.plain(bin.get("count"))));
            }
        }
        List<Object> series = list(
                object("type", "line", "name", "perfect calibration", "data", list(list(0, 0), list(1, 1)),
                        "showSymbol", false, "lineStyle", object("type", "dashed", "color", "#999")),
                object("type", "line", "name", "accuracy per bin", "data", points, "symbolSize", 8));
        String title = split + " rows, " + task;
        Chart chart = Chart.of("reliability-" + index, base(ratioAxis("confidence"), ratioAxis("accuracy"), series));
        List<Figure> figures = List.of(Figure.of("ece-" + index, "expected calibration error", calibration.get("ece")),
                Figure.of("brier-" + index, "Brier score", calibration.get("brier")),
                Figure.of("nll-" + index, "negative log-likelihood", calibration.get("nll")));
        return new Diagram(title, figures, chart,
                new Table("reliability-bins-" + index, List.of("from", "to", "confidence", "accuracy", "count"), rows));
    }

    record Diagram(String title, List<Figure> figures, Chart chart, Table bins) {
    }
}
