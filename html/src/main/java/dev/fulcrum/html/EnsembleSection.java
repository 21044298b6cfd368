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
 * An output ensemble's members against the ensemble, where the summary has an {@code ensemble} section (schema 5):
 * {@code ensemble.members[]} = {@code {member, run, metrics.test.<task>.accuracy, calibration.test.<task>.{ece, nll}}},
 * the ensemble's own figures being the run's {@code metrics.test} and {@code calibration.test}. Per task of the test
 * rows, chart {@code ensemble-<i>}: test accuracy (y) against negative log-likelihood (x), series 0 the members, series
 * 1 the ensemble; the table lists accuracy, ECE and NLL of each member and of the ensemble.
 */
public final class EnsembleSection implements ReportSection {

    @Override
    public String id() {
        return "ensemble";
    }

    @Override
    public String title() {
        return "Ensemble";
    }

    @Override
    public boolean applies(RunView run) {
        return !run.summary().at("ensemble", "members").elements().isEmpty();
    }

    @Override
    public Content render(RunView run) {
        JsonValue ensemble = run.summary().get("ensemble");
        List<Comparison> comparisons = new ArrayList<>();
        for (Map.Entry<String, JsonValue> task : run.summary().at("metrics", "test").fields().entrySet()) {
            comparisons.add(comparison(comparisons.size(), task.getKey(), run.summary(), ensemble.get("members").elements()));
        }
        String how = ensemble.get("combine").textOr("?") + " combination of " + ensemble.get("members").elements().size()
                + " members varying by " + ensemble.get("vary").textOr("?");
        return Templates.content("ensemble.jte", new View(how, comparisons));
    }

    private static Comparison comparison(int index, String task, JsonValue summary, List<JsonValue> members) {
        List<Object> memberPoints = new ArrayList<>();
        List<List<Table.Cell>> rows = new ArrayList<>();
        for (JsonValue member : members) {
            JsonValue accuracy = member.at("metrics", "test", task, "accuracy");
            JsonValue calibration = member.at("calibration", "test", task);
            point(memberPoints, calibration.get("nll"), accuracy);
            rows.add(row("member " + member.get("member").toString(), accuracy, calibration));
        }
        JsonValue accuracy = summary.at("metrics", "test", task, "accuracy");
        JsonValue calibration = summary.at("calibration", "test", task);
        List<Object> ensemblePoint = new ArrayList<>();
        point(ensemblePoint, calibration.get("nll"), accuracy);
        rows.add(row("ensemble", accuracy, calibration));
        List<Object> series = list(
                object("type", "scatter", "name", "members", "data", memberPoints, "symbolSize", 9),
                object("type", "scatter", "name", "ensemble", "data", ensemblePoint, "symbolSize", 16, "symbol", "diamond"));
        Chart chart = Chart.of("ensemble-" + index, base(valueAxis("test negative log-likelihood", null, null),
                valueAxis("test accuracy", null, null), series));
        return new Comparison(task, chart, new Table("ensemble-members-" + index,
                List.of("model", "accuracy", "ECE", "NLL"), rows));
    }

    private static void point(List<Object> points, JsonValue x, JsonValue y) {
        if (x.isNumber() && y.isNumber()) {
            points.add(list(x.number().getAsDouble(), y.number().getAsDouble()));
        }
    }

    private static List<Table.Cell> row(String label, JsonValue accuracy, JsonValue calibration) {
        return List.of(Table.Cell.label(label), Table.Cell.number(accuracy), Table.Cell.number(calibration.get("ece")),
                Table.Cell.number(calibration.get("nll")));
    }

    record Comparison(String task, Chart chart, Table table) {
    }

    record View(String how, List<Comparison> comparisons) {
    }
}
