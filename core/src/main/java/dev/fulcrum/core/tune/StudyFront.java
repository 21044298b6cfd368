package dev.fulcrum.core.tune;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.run.Yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A study's front as {@code fulcrum compare STUDY} prints it, read from its {@code pareto.json}:
 * one row per front trial with its params and objective values, the selected one marked.
 *
 * @param title   one line naming the study, the front's size, the hypervolume and the selection
 * @param rows    the header, then a row per front trial: trial, selected mark, params, objective values
 * @param textColumns how many leading columns hold text (left-aligned); the rest are numbers
 */
public record StudyFront(String title, List<String[]> rows, int textColumns) {

    /** Whether a folder is a study folder: one that holds a {@code pareto.json}. */
    public static boolean isStudyFolder(Path folder) {
        return ParetoJson.isStudyFolder(folder);
    }

    public static StudyFront read(Path studyFolder) {
        JsonNode pareto = ParetoJson.read(studyFolder);
        JsonNode front = pareto.path("front");
        Set<String> params = new LinkedHashSet<>();
        front.forEach(trial -> trial.path("params").fieldNames().forEachRemaining(params::add));
        List<String> objectives = new ArrayList<>();
        pareto.path("objectives").forEach(objective -> objectives.add(objective.path("metric").asText()));
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("trial", "selected"));
        header.addAll(params);
        header.addAll(objectives);
        rows.add(header.toArray(String[]::new));
        for (JsonNode trial : front) {
            List<String> row = new ArrayList<>(List.of(trial.path("trial").asText(), trial.path("selected").asBoolean() ? "*" : ""));
            params.forEach(path -> row.add(trial.path("params").has(path) ? Yaml.flow(trial.path("params").get(path)) : "-"));
            objectives.forEach(metric -> {
                JsonNode value = trial.path("values").path(metric);
                row.add(value.isNumber() ? String.format(Locale.ROOT, "%.4f", value.doubleValue()) : "-");
            });
            rows.add(row.toArray(String[]::new));
        }
        JsonNode hypervolume = pareto.path("hypervolume").path("value");
        JsonNode selected = pareto.path("selected");
        String title = "study " + pareto.path("study").asText() + ": " + front.size() + (front.size() == 1 ? " trial" : " trials")
                + " on the front, hypervolume " + (hypervolume.isNumber() ? String.format(Locale.ROOT, "%.6f", hypervolume.doubleValue()) : "-")
                + "; selected: " + (selected.path("trial").isNumber() ? "trial " + selected.path("trial").asInt() + ", " : "")
                + selected.path("how").asText();
        return new StudyFront(title, rows, 2 + params.size());
    }
}
