package dev.fulcrum.html;

import gg.jte.Content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bias audit ({@code summary.audit}, docs/fairness.md): per audit component and grouping, every group's rates
 * (table {@code fairness-groups-<i>}), the headline disparities with their bootstrap intervals and the disparity of
 * each rate; then every gate with pass or fail ({@code summary.gates}, table {@code fairness-gates}). Columns come
 * from the records themselves, so an auditor's own figures show without a change here.
 */
public final class FairnessSection implements ReportSection {

    @Override
    public String id() {
        return "fairness";
    }

    @Override
    public String title() {
        return "Fairness audit";
    }

    @Override
    public boolean applies(RunView run) {
        return !run.summary().get("audit").fields().isEmpty() || !run.summary().get("gates").elements().isEmpty();
    }

    @Override
    public Content render(RunView run) {
        List<Grouping> groupings = new ArrayList<>();
        for (Map.Entry<String, JsonValue> component : run.summary().get("audit").fields().entrySet()) {
            JsonValue audit = component.getValue();
            for (Map.Entry<String, JsonValue> grouping : audit.get("groupings").fields().entrySet()) {
                groupings.add(grouping(groupings.size(), component.getKey(), audit, grouping.getKey(), grouping.getValue()));
            }
        }
        return Templates.content("fairness.jte", new View(groupings, gates(run.summary().get("gates").elements())));
    }

    private static Grouping grouping(int index, String component, JsonValue audit, String name, JsonValue grouping) {
        String title = component + ": " + audit.get("task").textOr("?") + " task"
                + audit.get("positive_class").text().map(positive -> ", positive class " + positive).orElse("")
                + ", grouped by " + name;
        Map<String, JsonValue> groups = grouping.get("groups").fields();
        Set<String> measures = new LinkedHashSet<>();
        groups.values().forEach(group -> group.fields().forEach((key, value) -> {
            if (value.isNumber()) {
                measures.add(key);
            }
        }));
        List<String> headers = new ArrayList<>(List.of("group"));
        headers.addAll(measures);
        List<List<Table.Cell>> rows = new ArrayList<>();
        for (Map.Entry<String, JsonValue> group : groups.entrySet()) {
            List<Table.Cell> row = new ArrayList<>(List.of(Table.Cell.label(group.getKey())));
            measures.forEach(measure -> row.add(Table.Cell.number(group.getValue().get(measure))));
            rows.add(row);
        }
        List<List<Table.Cell>> headline = new ArrayList<>();
        grouping.get("headline").fields().forEach((metric, value) -> headline.add(List.of(Table.Cell.label(metric),
                Table.Cell.number(value.get("value")), Table.Cell.number(value.get("ci_low")),
                Table.Cell.number(value.get("ci_high")))));
        List<List<Table.Cell>> disparities = new ArrayList<>();
        grouping.get("disparities").fields().forEach((metric, value) -> disparities.add(List.of(
                Table.Cell.label(metric), Table.Cell.number(value.get("difference")), Table.Cell.number(value.get("ratio")))));
        return new Grouping(title, new Table("fairness-groups-" + index, headers, rows),
                new Table("fairness-headline-" + index, List.of("disparity", "value", "CI low", "CI high"), headline),
                new Table("fairness-disparities-" + index, List.of("rate", "largest difference", "smallest ratio"),
                        disparities));
    }

    private static Table gates(List<JsonValue> gates) {
        List<List<Table.Cell>> rows = new ArrayList<>();
        for (JsonValue gate : gates) {
            boolean passed = gate.get("passed").textOr("false").equals("true");
            rows.add(List.of(Table.Cell.label(gate.get("auditor").textOr("")), Table.Cell.label(gate.get("gate").textOr("")),
                    Table.Cell.label(gate.get("metric").textOr("")), Table.Cell.label(gate.get("scope").textOr("")),
                    Table.Cell.label(gate.get("comparison").textOr("")), Table.Cell.number(gate.get("bound")),
                    Table.Cell.number(gate.get("value")), Table.Cell.number(gate.get("margin")),
                    new Table.Cell(passed ? "pass" : "fail", null, passed ? "passed" : "failed"),
                    Table.Cell.label(gate.get("detail").textOr(""))));
        }
        return new Table("fairness-gates", List.of("auditor", "gate", "metric", "scope", "comparison", "bound", "value",
                "margin", "result", "detail"), rows);
    }

    record Grouping(String title, Table groups, Table headline, Table disparities) {
    }

    record View(List<Grouping> groupings, Table gates) {
    }
}
