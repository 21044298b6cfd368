package dev.fulcrum.html;

import dev.fulcrum.html.ComparedRun.CurvePoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static dev.fulcrum.html.ChartOptions.base;
import static dev.fulcrum.html.ChartOptions.list;
import static dev.fulcrum.html.ChartOptions.object;
import static dev.fulcrum.html.ChartOptions.valueAxis;

/**
 * The charts of the compare page, with the ids and data shapes its tests read:
 * <ul>
 *   <li>{@code compare-plane}: series {@code non-dominated} and {@code dominated}, a point per run
 *       {@code {name: run, value: [general, specific]}} (the axes of the run page's plane);</li>
 *   <li>{@code curve-specific}, {@code curve-general}: a line series per run (named by it) of
 *       {@code [global_epoch, validation accuracy]}, one point per validation line;</li>
 *   <li>{@code study-N-trials} for the N-th study: series {@code front} and {@code other trials},
 *       a point per trial {@code {name: "trial K", value: [first objective, second objective]}}.</li>
 * </ul>
 */
final class CompareCharts {

    static final String NON_DOMINATED = "non-dominated";
    static final String DOMINATED = "dominated";
    static final String FRONT = "front";
    static final String OTHER_TRIALS = "other trials";

    private CompareCharts() {
    }

    static Optional<Chart> plane(List<ComparedRun> runs) {
        List<ComparedRun> onPlane = runs.stream().filter(ComparedRun::onPlane).toList();
        if (onPlane.isEmpty()) {
            return Optional.empty();
        }
        List<Object> series = List.of(
                points(NON_DOMINATED, "diamond", 16, onPlane.stream().filter(ComparedRun::nonDominated).toList()),
                points(DOMINATED, "circle", 10, onPlane.stream().filter(run -> !run.nonDominated()).toList()));
        Map<String, Object> option = base(fitted("general test accuracy"), fitted("specific test accuracy"), series);
        // ECharts 5 label layout: a label that would overlap another is hidden (the tooltip still names the run).
        option.put("labelLayout", object("hideOverlap", true));
        option.put("grid", object("left", 80, "right", 24, "top", 40, "bottom", 56));
        return Optional.of(Chart.of("compare-plane", option));
    }

    /**
     * An axis fitted to the points (ECharts {@code scale}: zero need not be on it), so close runs stand apart, with
     * room beyond the outer points for their labels ({@code boundaryGap}) and for tick labels of three decimals.
     */
    private static Map<String, Object> fitted(String name) {
        Map<String, Object> axis = valueAxis(name, null, null);
        axis.put("scale", true);
        axis.put("boundaryGap", list("15%", "15%"));
        axis.put("nameGap", 48);
        return axis;
    }

    private static Map<String, Object> points(String name, String symbol, int size, List<ComparedRun> runs) {
        List<Object> data = new ArrayList<>();
        runs.forEach(run -> data.add(object("name", run.name(), "value", list(run.general(), run.specific()))));
        return object("type", "scatter", "name", name, "symbol", symbol, "symbolSize", size, "data", data,
                "label", object("show", true, "formatter", "{b}", "position", "top", "fontSize", 11));
    }

    /** The validation accuracy of one task per global epoch, a line per run that has it; empty when none has. */
    static Optional<Chart> curve(String task, List<ComparedRun> runs, Function<CurvePoint, Double> accuracy) {
        List<Object> series = new ArrayList<>();
        for (ComparedRun run : runs) {
            if (run.curve().stream().map(accuracy).anyMatch(value -> value != null)) {
                List<Object> data = new ArrayList<>();
                run.curve().forEach(point -> data.add(list(point.globalEpoch(), accuracy.apply(point))));
                series.add(object("type", "line", "name", run.name(), "showSymbol", true, "symbolSize", 4, "data", data));
            }
        }
        if (series.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> yAxis = valueAxis("validation " + task + " accuracy", null, 1);
        yAxis.put("scale", true);
        yAxis.put("nameGap", 48);
        Map<String, Object> option = base(valueAxis("epoch (across phases)", 1, null), yAxis, series);
        option.put("grid", object("left", 80, "right", 24, "top", 40, "bottom", 56));
        option.put("tooltip", object("trigger", "axis"));
        return Optional.of(Chart.of("curve-" + task, option));
    }

    /** A study's trials on its first two objectives, the front apart; empty with fewer than two objectives. */
    static Optional<Chart> trials(int index, ComparedStudy study) {
        if (!study.hasPlane()) {
            return Optional.empty();
        }
        List<Object> series = List.of(
                trialPoints(FRONT, "diamond", 16, study.trials().stream().filter(ComparedStudy.Trial::onFront).toList()),
                trialPoints(OTHER_TRIALS, "circle", 8, study.trials().stream().filter(trial -> !trial.onFront()).toList()));
        return Optional.of(Chart.of("study-" + index + "-trials",
                base(fitted(study.objectives().get(0)), fitted(study.objectives().get(1)), series)));
    }

    private static Map<String, Object> trialPoints(String name, String symbol, int size, List<ComparedStudy.Trial> trials) {
        List<Object> data = new ArrayList<>();
        for (ComparedStudy.Trial trial : trials) {
            Map<String, Object> point = object("name", "trial " + trial.number(), "value", list(trial.values().get(0), trial.values().get(1)));
            if (trial.selected()) {
                point.put("symbolSize", size + 8);
                point.put("label", object("show", true, "formatter", "{b} (selected)", "position", "top"));
            }
            data.add(point);
        }
        return object("type", "scatter", "name", name, "symbol", symbol, "symbolSize", size, "data", data);
    }
}
