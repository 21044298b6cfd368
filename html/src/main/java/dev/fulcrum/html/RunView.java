package dev.fulcrum.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A run folder as pages read it: {@code summary.json} (required), the lines of {@code metrics.jsonl}, the text of
 * {@code config.yaml}, {@code provenance.json}, {@code representations.json} ({@code fulcrum inspect}) and
 * {@code review.json} ({@code fulcrum review}), each
 * optional (a failed run may lack some). Built from the folder
 * alone, so a page can be made again from any run folder, long after the run.
 */
public final class RunView {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final JsonValue summary;
    private final List<JsonValue> metrics;
    private final Optional<String> config;
    private final JsonValue provenance;
    private final JsonValue representations;
    private final JsonValue review;

    private RunView(Path folder, JsonValue summary, List<JsonValue> metrics, Optional<String> config,
                    JsonValue provenance, JsonValue representations, JsonValue review) {
        this.folder = folder;
        this.summary = summary;
        this.metrics = List.copyOf(metrics);
        this.config = config;
        this.provenance = provenance;
        this.representations = representations;
        this.review = review;
    }

    /**
     * Reads a run folder.
     *
     * @throws IllegalArgumentException naming the file when {@code summary.json} is missing or a file is not JSON
     */
    public static RunView read(Path folder) {
        Path summaryFile = folder.resolve("summary.json");
        String summaryText = optionalText(summaryFile).orElseThrow(
                () -> new IllegalArgumentException(summaryFile + ": no such file (is " + folder + " a run folder?)"));
        JsonValue summary = parse(summaryText, summaryFile.toString());
        List<JsonValue> metrics = metricLines(folder);
        Path provenanceFile = folder.resolve("provenance.json");
        JsonValue provenance = optionalJson(provenanceFile);
        return new RunView(folder, summary, metrics, optionalText(folder.resolve("config.yaml")), provenance,
                optionalJson(folder.resolve("representations.json")), optionalJson(folder.resolve("review.json")));
    }

    /**
     * Every line of a run folder's {@code metrics.jsonl}, in file order (empty without the file).
     *
     * @throws IllegalArgumentException naming the file and line where a line is not JSON
     */
    public static List<JsonValue> metricLines(Path folder) {
        List<JsonValue> metrics = new ArrayList<>();
        Path metricsFile = folder.resolve("metrics.jsonl");
        String[] lines = optionalText(metricsFile).orElse("").split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                metrics.add(parse(lines[i], metricsFile + ": line " + (i + 1)));
            }
        }
        return metrics;
    }

    public Path folder() {
        return folder;
    }

    /** {@code summary.json} (schema in the README). */
    public JsonValue summary() {
        return summary;
    }

    /** Every line of {@code metrics.jsonl}, in file order (empty without the file). */
    public List<JsonValue> metrics() {
        return metrics;
    }

    /** The lines of {@code metrics.jsonl} of one split ({@code train} or {@code validation}). */
    public List<JsonValue> metrics(String split) {
        return metrics.stream().filter(line -> split.equals(line.get("split").textOr(""))).toList();
    }

    /** The text of the resolved {@code config.yaml}, if the folder has it. */
    public Optional<String> config() {
        return config;
    }

    /** {@code provenance.json}; absent when the folder lacks it. */
    public JsonValue provenance() {
        return provenance;
    }

    /** {@code representations.json}, what {@code fulcrum inspect} measured; absent when the folder lacks it. */
    public JsonValue representations() {
        return representations;
    }

    /** {@code review.json}, what the latest {@code fulcrum review} chose; absent when the folder lacks it. */
    public JsonValue review() {
        return review;
    }

    /** The run's name, from the summary, else the folder's name. */
    public String name() {
        return summary.at("run", "name").textOr(String.valueOf(folder.getFileName()));
    }

    private static JsonValue parse(String text, String where) {
        try {
            return JsonValue.of(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonValue optionalJson(Path file) {
        return optionalText(file).map(text -> parse(text, file.toString())).orElse(JsonValue.of(null));
    }

    private static Optional<String> optionalText(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
