package dev.fulcrum.core.tune;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.core.run.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The run folders of a study's trials, and what their {@code summary.json} files say. A trial's run
 * folder is the one its record names: absolute, or relative to the study folder. Each summary is
 * read once.
 */
final class TrialFolders {

    static final String SUMMARY = "summary.json";

    /** The study folder, or {@code null} where only absolute run folders (or ones relative to the working folder) are known. */
    private final Path studyFolder;
    private final Map<Integer, Optional<JsonNode>> summaries = new HashMap<>();

    TrialFolders(Path studyFolder) {
        this.studyFolder = studyFolder;
    }

    /** The trial's run folder, or empty before it has one. */
    Optional<Path> folder(TrialRecord trial) {
        if (trial.runFolder() == null) {
            return Optional.empty();
        }
        Path folder = Path.of(trial.runFolder());
        return Optional.of(studyFolder == null ? folder : studyFolder.resolve(folder));
    }

    /** The run folder as the study's files show it: relative to the study folder where it lies inside it. */
    String shown(TrialRecord trial) {
        return folder(trial).map(folder -> {
            if (studyFolder == null) {
                return folder.toString();
            }
            Path study = studyFolder.toAbsolutePath().normalize();
            Path absolute = folder.toAbsolutePath().normalize();
            return absolute.startsWith(study) ? study.relativize(absolute).toString() : absolute.toString();
        }).orElse("");
    }

    /** The trial's {@code summary.json}, or empty where its folder has none (yet). */
    Optional<JsonNode> summary(TrialRecord trial) {
        return summaries.computeIfAbsent(trial.number(), number -> folder(trial).map(f -> f.resolve(SUMMARY))
                .filter(Files::isRegularFile).map(TrialFolders::read));
    }

    /** Every metric of the trial's summary, as {@link #metrics(JsonNode)} names them; empty without a summary. */
    Map<String, Double> metrics(TrialRecord trial) {
        return summary(trial).map(TrialFolders::metrics).orElseGet(Map::of);
    }

    /**
     * Every metric of a {@code summary.json} as {@code split.task.metric} (e.g.
     * {@code validation.general.accuracy}), undefined ones left out.
     */
    static Map<String, Double> metrics(JsonNode summary) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        summary.path("metrics").properties().forEach(split -> split.getValue().properties().forEach(task ->
                task.getValue().properties().forEach(metric -> {
                    if (metric.getValue().isNumber()) {
                        metrics.put(split.getKey() + "." + task.getKey() + "." + metric.getKey(), metric.getValue().doubleValue());
                    }
                })));
        return metrics;
    }

    static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read it as JSON: " + e.getMessage(), e);
        }
    }
}
