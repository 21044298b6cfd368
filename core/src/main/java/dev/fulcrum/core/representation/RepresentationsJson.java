package dev.fulcrum.core.representation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.pipeline.LaunchCommand;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.math.representation.LinearCka;
import dev.fulcrum.math.representation.LinearProbe;

import java.time.Instant;
import java.util.Locale;

/**
 * {@code representations.json} in a run folder, what {@code fulcrum inspect} measured (the README and
 * docs/representations.md describe each field). Undefined numbers are {@code null}. Scripts read it; it changes only
 * with a new {@code schema_version}.
 */
public final class RepresentationsJson {

    public static final String FILE = "representations.json";
    /** Version 1: the first. */
    public static final int SCHEMA_VERSION = 1;

    private RepresentationsJson() {
    }

    public static ObjectNode of(Inspection inspection, LaunchCommand command, Instant created) {
        ObjectNode root = Json.object().put("schema_version", SCHEMA_VERSION);
        root.put("run", inspection.folder().toString());
        root.put("created", created.toString());
        root.put("command", command.arguments().isEmpty() ? null : command.line());
        ObjectNode settings = root.putObject("settings");
        settings.set("tasks", Json.tree(inspection.tasks()));
        settings.put("max_rows", inspection.maxRows());
        settings.put("seed", inspection.seed());
        settings.set("layers", Json.tree(inspection.layers()));
        settings.put("drift_estimator", LinearCka.Estimator.DEBIASED.label());
        settings.putObject("probe").put("model", "softmax regression").put("c", LinearProbe.C)
                .put("iterations", LinearProbe.ITERATIONS);
        ObjectNode rows = root.putObject("rows");
        inspection.samples().forEach((task, samples) -> {
            ObjectNode counts = rows.putObject(task);
            samples.forEach(sample -> counts.put(sample.partition().name().toLowerCase(Locale.ROOT), sample.rows().length));
        });
        ArrayNode models = root.putArray("models");
        for (ModelScores model : inspection.models()) {
            ObjectNode node = models.addObject().put("name", model.model()).put("file", model.file());
            Json.putNumber(node, "leep", model.leep());
            ArrayNode layers = node.putArray("layers");
            for (ModelScores.Layer layer : model.layers()) {
                ObjectNode layerNode = layers.addObject().put("name", layer.name()).put("units", layer.units());
                ObjectNode probes = layerNode.putObject("probe_accuracy");
                layer.probeAccuracy().forEach((task, accuracy) -> Json.putNumber(probes, task, accuracy));
                Json.putNumber(layerNode, "logme", layer.logMe());
            }
        }
        if (inspection.drift() == null) {
            root.putNull("drift");
        } else {
            ArrayNode drift = root.putArray("drift");
            for (LayerDrift layer : inspection.drift()) {
                ObjectNode tasks = drift.addObject().put("name", layer.layer()).putObject("tasks");
                layer.byTask().forEach((task, similarity) -> {
                    ObjectNode node = tasks.putObject(task);
                    Json.putNumber(node, "drift", similarity.drift());
                    Json.putNumber(node, "cka", similarity.debiased());
                    Json.putNumber(node, "cka_biased", similarity.biased());
                });
            }
        }
        RunComparison against = inspection.against();
        if (against == null) {
            root.putNull("against");
        } else {
            ObjectNode node = root.putObject("against").put("run", against.run());
            node.set("layers", Json.tree(against.layers()));
            node.set("against_layers", Json.tree(against.against()));
            ObjectNode tasks = node.putObject("tasks");
            against.debiased().forEach((task, matrix) -> {
                ObjectNode taskNode = tasks.putObject(task);
                taskNode.set("cka", matrix(matrix));
                taskNode.set("cka_biased", matrix(against.biased().get(task)));
            });
        }
        root.put("export", inspection.export() == null ? null : inspection.export().toString());
        ObjectNode seconds = root.putObject("seconds");
        inspection.seconds().forEach((step, value) -> Json.putNumber(seconds, step, value));
        return root;
    }

    private static ArrayNode matrix(double[][] values) {
        ArrayNode rows = Json.MAPPER.createArrayNode();
        for (double[] row : values) {
            ArrayNode cells = rows.addArray();
            for (double value : row) {
                if (Double.isFinite(value)) {
                    cells.add(value);
                } else {
                    cells.addNull();
                }
            }
        }
        return rows;
    }
}
