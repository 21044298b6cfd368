package dev.fulcrum.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.MetricsLog;
import dev.fulcrum.core.run.ModelArchive;
import dev.fulcrum.runtime.ModelZip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a run left in its folder, read back for assertions: {@code summary.json}, {@code metrics.jsonl},
 * {@code provenance.json}, {@code config.yaml} and the model's description in {@code model.zip}. A
 * number the summary lacks fails the test by its path, so that no assertion compares against the
 * {@code 0} that Jackson reads from a missing field.
 */
public final class RunRecord {

    private static final String SUMMARY = "summary.json";

    private final Path folder;
    private final JsonNode summary;

    private RunRecord(Path folder, JsonNode summary) {
        this.folder = folder;
        this.summary = summary;
    }

    /** The record of a run made in-process. */
    public static RunRecord of(RunOutcome outcome) {
        return new RunRecord(outcome.folder(), outcome.summary());
    }

    /** The record of the run whose folder this is (a run made by the launcher, say). */
    public static RunRecord at(Path folder) {
        return new RunRecord(folder, parse(read(folder.resolve(SUMMARY))));
    }

    /** The record of the run folder under {@code runs} that changed last. */
    public static RunRecord latestIn(Path runs) {
        try (Stream<Path> folders = Files.list(runs)) {
            return at(folders.max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new AssertionError("no run folder in " + runs)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path folder() {
        return folder;
    }

    /** The content of {@code summary.json}. */
    public JsonNode summary() {
        return summary;
    }

    /** The status as {@code summary.json} writes it: {@code succeeded}, {@code gate_failed} or {@code failed}. */
    public String status() {
        return summary.path("status").asText();
    }

    /** The error message of a failed run, else {@code null}. */
    public String errorMessage() {
        return summary.path("error").path("message").asText(null);
    }

    /**
     * The number at {@code path} in {@code summary.json} ({@code "balance", "specific"}, say); NaN
     * where the summary writes {@code null} (an undefined number).
     */
    public double number(String... path) {
        JsonNode node = summary;
        for (String name : path) {
            node = node.path(name);
        }
        if (node.isNull()) {
            return Double.NaN;
        }
        if (!node.isNumber()) {
            throw new AssertionError(folder.resolve(SUMMARY) + " has no number at " + String.join(".", path) + ": " + node);
        }
        return node.doubleValue();
    }

    /** {@code metrics.<split>.<task>.<metric>}: a test metric of the specific task, say. */
    public double metric(String split, String task, String metric) {
        return number("metrics", split, task, metric);
    }

    /** {@code metrics_by_domain.<domain>.<split>.<task>.<metric>}. */
    public double domainMetric(String domain, String split, String task, String metric) {
        return number("metrics_by_domain", domain, split, task, metric);
    }

    /** {@code domain_gap.<side>.<measure>}, with {@code side} {@code before} or {@code after} the adapters. */
    public double gap(String side, String measure) {
        return number("domain_gap", side, measure);
    }

    /** The {@code metrics.jsonl} lines of the training split, one per epoch, in order. */
    public List<JsonNode> trainLines() {
        return metricsLines("train");
    }

    /** The {@code metrics.jsonl} lines of the validation split, one per epoch, in order. */
    public List<JsonNode> validationLines() {
        return metricsLines("validation");
    }

    private List<JsonNode> metricsLines(String split) {
        return read(folder.resolve(MetricsLog.FILE)).lines().map(RunRecord::parse)
                .filter(line -> line.path("split").asText().equals(split)).toList();
    }

    /** The content of {@code provenance.json}. */
    public JsonNode provenance() {
        return parse(read(folder.resolve("provenance.json")));
    }

    /** The resolved pipeline, {@code config.yaml}. */
    public String config() {
        return read(folder.resolve("config.yaml"));
    }

    /** The run's {@code model.zip}. */
    public Path model() {
        return folder.resolve(ModelArchive.FILE);
    }

    /** {@code fulcrum/model.json} in {@code model.zip}: trunk and head layers, input and output schemas. */
    public JsonNode modelDescription() {
        return parse(ModelZip.readText(model(), "model.json"));
    }

    /** The names of what the run folder holds, sorted. */
    public List<String> files() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
