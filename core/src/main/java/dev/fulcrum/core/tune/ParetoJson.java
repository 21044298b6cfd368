package dev.fulcrum.core.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.core.run.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code pareto.json}, the study's answer, schema version {@value #SCHEMA_VERSION} (the README
 * documents it; change it only with a version bump):
 * <ul>
 *   <li>{@code schema_version}, {@code study} (the study's name), {@code objectives}:
 *       {@code [{metric, direction}]};</li>
 *   <li>{@code hypervolume}: {@code {value, reference_point: {metric: value}, reference_rule}}, the
 *       reference point in the metrics' own units ({@link StudyHypervolume}), or {@code null} while
 *       no trial is complete;</li>
 *   <li>{@code front}: the non-dominated trials in number order, each {@code {trial, selected, params,
 *       values (objective to final value), run_folder, validation: {task: {metric: value}}}} from its
 *       {@code summary.json}; the selected trial alone also has {@code test}, since test metrics are
 *       reported for the selected trial only; after {@code --confirm}, each has {@code confirmation:
 *       {runs, metrics: {split.task.metric: {mean, std}}}} over its seeds (test metrics again for the
 *       selected trial only);</li>
 *   <li>{@code selected}: {@code {trial (or null), rule (tune.select, or null), how}}, {@code how}
 *       saying how the trial was picked or why none was.</li>
 * </ul>
 */
final class ParetoJson {

    static final String FILE = "pareto.json";
    static final int SCHEMA_VERSION = 1;

    private ParetoJson() {
    }

    static ObjectNode build(String study, List<Objective> objectives, Optional<StudyHypervolume> hypervolume,
                            List<TrialRecord> front, Selection selection, TrialFolders folders, JsonNode confirmation) {
        ObjectNode root = Json.object();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("study", study);
        ArrayNode objectiveList = root.putArray("objectives");
        objectives.forEach(o -> objectiveList.addObject().put("metric", o.metric()).put("direction", o.direction().word()));
        if (hypervolume.isEmpty()) {
            root.putNull("hypervolume");
        } else {
            ObjectNode node = root.putObject("hypervolume");
            Json.putNumber(node, "value", hypervolume.get().value());
            ObjectNode reference = node.putObject("reference_point");
            for (int m = 0; m < objectives.size(); m++) {
                Json.putNumber(reference, objectives.get(m).metric(), hypervolume.get().reference()[m]);
            }
            node.put("reference_rule", StudyHypervolume.RULE);
        }
        ArrayNode trials = root.putArray("front");
        for (TrialRecord trial : front) {
            boolean selected = selection.selects(trial);
            ObjectNode node = trials.addObject().put("trial", trial.number()).put("selected", selected);
            node.set("params", Json.tree(trial.params()));
            ObjectNode values = node.putObject("values");
            objectives.forEach(objective -> Json.putNumber(values, objective.metric(), trial.value(objective)));
            node.put("run_folder", folders.shown(trial));
            JsonNode metrics = folders.summary(trial).map(summary -> summary.path("metrics")).orElse(Json.object());
            node.set("validation", metrics.path("validation").isObject() ? metrics.get("validation") : Json.object());
            if (selected) {
                node.set("test", metrics.path("test").isObject() ? metrics.get("test") : Json.object());
            }
            confirmed(confirmation, trial.number(), selected).ifPresent(c -> node.set("confirmation", c));
        }
        ObjectNode chosen = root.putObject("selected");
        if (selection.trial() == null) {
            chosen.putNull("trial");
        } else {
            chosen.put("trial", selection.trial().number());
        }
        chosen.set("rule", selection.rule() == null ? null : selection.rule().toJson());
        chosen.put("how", selection.how());
        return root;
    }

    /** A front trial's mean and spread per metric from {@code confirmation.json}, test metrics for the selected trial only. */
    private static Optional<JsonNode> confirmed(JsonNode confirmation, int number, boolean selected) {
        if (confirmation == null) {
            return Optional.empty();
        }
        for (JsonNode trial : confirmation.path("trials")) {
            if (trial.path("trial").asInt(-1) == number) {
                ObjectNode node = Json.object().put("runs", trial.path("runs").size());
                ObjectNode metrics = node.putObject("metrics");
                trial.path("metrics").properties().forEach(metric -> {
                    if (selected || !metric.getKey().startsWith("test.")) {
                        ObjectNode spread = metrics.putObject(metric.getKey());
                        spread.set("mean", metric.getValue().path("mean"));
                        spread.set("std", metric.getValue().path("std"));
                    }
                });
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    /** A study folder's {@code pareto.json}; a missing file or another schema version is bad input. */
    static JsonNode read(Path studyFolder) {
        Path file = studyFolder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(studyFolder + ": not a study folder (it has no " + FILE + ")");
        }
        JsonNode root = TrialFolders.read(file);
        int version = root.path("schema_version").asInt(-1);
        if (version != SCHEMA_VERSION) {
            throw new InvalidInputException(file + ": schema_version " + root.path("schema_version")
                    + "; this Fulcrum reads version " + SCHEMA_VERSION);
        }
        return root;
    }

    /** Whether a folder holds a {@code pareto.json}, so a command can take it for a study folder. */
    static boolean isStudyFolder(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE));
    }
}
