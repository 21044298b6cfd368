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
 * What {@code fulcrum inspect} measured ({@code representations.json}): per model (the final one, theta_0) a table
 * {@code representations-model-I} with a row per trunk layer (units, probe accuracy per task, LogME) and its LEEP;
 * drift by depth as chart {@code representations-drift} (x: the layers input side first, a series per task of
 * {@code 1 - CKA}) and table {@code representations-drift-table}; with {@code --against}, per task the CKA matrix as
 * table {@code representations-against-I}. Nothing without the file.
 */
public final class RepresentationsSection implements ReportSection {

    @Override
    public String id() {
        return "representations";
    }

    @Override
    public String title() {
        return "Representations";
    }

    @Override
    public boolean applies(RunView run) {
        return run.representations().isObject() && !run.representations().get("models").elements().isEmpty();
    }

    @Override
    public Content render(RunView run) {
        JsonValue file = run.representations();
        List<String> tasks = file.at("settings", "tasks").elements().stream().map(task -> task.textOr(Format.NONE)).toList();
        List<ModelTable> models = new ArrayList<>();
        List<JsonValue> modelNodes = file.get("models").elements();
        for (int i = 0; i < modelNodes.size(); i++) {
            JsonValue model = modelNodes.get(i);
            List<String> headers = new ArrayList<>(List.of("layer", "units"));
            tasks.forEach(task -> headers.add("probe accuracy, " + task));
            headers.add("LogME (specific)");
            List<List<Table.Cell>> rows = new ArrayList<>();
            for (JsonValue layer : model.get("layers").elements()) {
                List<Table.Cell> row = new ArrayList<>(List.of(Table.Cell.label(layer.get("name").textOr(Format.NONE)),
                        Table.Cell.plain(layer.get("units"))));
                tasks.forEach(task -> row.add(Table.Cell.number(layer.at("probe_accuracy", task))));
                row.add(Table.Cell.number(layer.get("logme")));
                rows.add(row);
            }
            models.add(new ModelTable(model.get("name").textOr(Format.NONE), model.get("file").textOr(Format.NONE),
                    Figure.of("leep-" + i, "LEEP of the general head for the specific labels", model.get("leep")),
                    new Table("representations-model-" + i, headers, rows)));
        }
        return Templates.content("representations.jte", new View(file.at("settings", "max_rows").textOr(Format.NONE),
                file.get("created").textOr(Format.NONE), models, drift(file.get("drift").elements(), tasks),
                against(file.get("against"))));
    }

    private static Drift drift(List<JsonValue> layers, List<String> tasks) {
        if (layers.isEmpty()) {
            return null;
        }
        List<Object> names = list();
        List<String> headers = new ArrayList<>(List.of("layer"));
        tasks.forEach(task -> headers.add("drift, " + task));
        tasks.forEach(task -> headers.add("CKA biased, " + task));
        List<List<Table.Cell>> rows = new ArrayList<>();
        for (JsonValue layer : layers) {
            names.add(layer.get("name").textOr(Format.NONE));
            List<Table.Cell> row = new ArrayList<>(List.of(Table.Cell.label(layer.get("name").textOr(Format.NONE))));
            tasks.forEach(task -> row.add(Table.Cell.number(layer.at("tasks", task, "drift"))));
            tasks.forEach(task -> row.add(Table.Cell.number(layer.at("tasks", task, "cka_biased"))));
            rows.add(row);
        }
        List<Object> series = list();
        for (String task : tasks) {
            List<Object> values = list();
            layers.forEach(layer -> {
                JsonValue drift = layer.at("tasks", task, "drift");
                values.add(drift.isNumber() ? drift.number().getAsDouble() : null);
            });
            series.add(object("type", "line", "name", task, "data", values, "symbolSize", 8));
        }
        Map<String, Object> option = base(object("type", "category", "data", names, "name", "trunk layer (input side first)",
                "nameLocation", "middle", "nameGap", 28), valueAxis("drift = 1 - CKA (debiased)", null, null), series);
        return new Drift(Chart.of("representations-drift", option), new Table("representations-drift-table", headers, rows));
    }

    private static Against against(JsonValue against) {
        if (!against.isObject()) {
            return null;
        }
        List<String> columns = against.get("against_layers").elements().stream().map(layer -> layer.textOr(Format.NONE)).toList();
        List<JsonValue> layers = against.get("layers").elements();
        List<TaskMatrix> matrices = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, JsonValue> task : against.get("tasks").fields().entrySet()) {
            List<String> headers = new ArrayList<>(List.of("layer"));
            headers.addAll(columns);
            List<List<Table.Cell>> rows = new ArrayList<>();
            List<JsonValue> matrix = task.getValue().get("cka").elements();
            for (int i = 0; i < matrix.size() && i < layers.size(); i++) {
                List<Table.Cell> row = new ArrayList<>(List.of(Table.Cell.label(layers.get(i).textOr(Format.NONE))));
                matrix.get(i).elements().forEach(value -> row.add(Table.Cell.number(value)));
                rows.add(row);
            }
            matrices.add(new TaskMatrix(task.getKey(), new Table("representations-against-" + index++, headers, rows)));
        }
        return new Against(against.get("run").textOr(Format.NONE), matrices);
    }

    record View(String maxRows, String created, List<ModelTable> models, Drift drift, Against against) {
    }

    record ModelTable(String name, String file, Figure leep, Table table) {
    }

    record Drift(Chart chart, Table table) {
    }

    record Against(String run, List<TaskMatrix> matrices) {
    }

    record TaskMatrix(String task, Table table) {
    }
}
