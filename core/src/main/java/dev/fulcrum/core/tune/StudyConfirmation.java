package dev.fulcrum.core.tune;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.core.config.PipelineConfigReader;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.pipeline.PipelineLauncher;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunProgress;
import dev.fulcrum.core.pipeline.RunStatus;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.runtime.Seeds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code fulcrum tune --confirm K}: runs each front trial's resolved pipeline again with K more
 * seeds, so that a trial crowned by a lucky seed shows it. Seed k (1..K) of a trial is
 * {@code Seeds.derive(trialSeed, "confirm-k")}, the trial's seed being the one its
 * {@code config.yaml} holds; the runs are ordinary run folders under
 * {@code confirm/trial-<number>/}.
 *
 * <p>{@code confirmation.json}, schema version {@value #SCHEMA_VERSION}: {@code {schema_version,
 * seeds (K), seed_rule, trials: [{trial, runs: [{seed, run_folder, status}], metrics:
 * {split.task.metric: {values, mean, std}}}]}}; {@code runs[0]} is the trial's own run, so each
 * metric has K + 1 values (in the order of {@code runs}, {@code null} for a run that failed), their
 * mean and sample standard deviation (n - 1 in the denominator), over the validation and test
 * metrics of every run that finished. {@code pareto.json} is written again with each front trial's
 * mean and spread.
 */
public final class StudyConfirmation {

    static final String FILE = "confirmation.json";
    static final String FOLDER = "confirm";
    static final int SCHEMA_VERSION = 1;
    private static final String CONFIG = "config.yaml";
    private static final String SEED_RULE = "seed k of a trial is Seeds.derive(trial seed, \"confirm-k\"), k = 1..seeds";

    private StudyConfirmation() {
    }

    /**
     * @param seeds      K, the seeds to add per front trial, at least 1
     * @param objectives the study's objectives, which make the front
     * @param select     {@code tune.select}, or {@code null}
     * @param trials     every trial of the study, as its storage holds them
     */
    public static void run(FulcrumHost host, Path studyFolder, int seeds, RunProgress progress,
                           List<Objective> objectives, SelectRule select, List<TrialRecord> trials) {
        if (seeds < 1) {
            throw new InvalidInputException("--confirm: expected at least 1 seed, got " + seeds);
        }
        TrialFolders folders = new TrialFolders(studyFolder);
        List<TrialRecord> front = ParetoFront.of(trials, objectives);
        PipelineLauncher launcher = new PipelineLauncher(host, progress);
        ObjectNode root = Json.object().put("schema_version", SCHEMA_VERSION).put("seeds", seeds).put("seed_rule", SEED_RULE);
        ArrayNode confirmed = root.putArray("trials");
        for (TrialRecord trial : front) {
            Path config = folders.folder(trial).map(folder -> folder.resolve(CONFIG)).filter(Files::isRegularFile)
                    .orElseThrow(() -> new InvalidInputException("front trial " + trial.number() + " has no " + CONFIG
                            + " in its run folder " + folders.shown(trial)));
            long trialSeed = PipelineConfigReader.read(config, List.of(), null).seed();
            ObjectNode node = confirmed.addObject().put("trial", trial.number());
            ArrayNode runs = node.putArray("runs");
            List<Map<String, Double>> measured = new ArrayList<>();
            runs.addObject().put("seed", trialSeed).put("run_folder", folders.shown(trial))
                    .put("status", folders.summary(trial).map(s -> s.path("status").asText()).orElse(""));
            measured.add(folders.metrics(trial));
            for (int k = 1; k <= seeds; k++) {
                long seed = Seeds.derive(trialSeed, "confirm-" + k);
                progress.note("confirm trial " + trial.number() + ": seed " + k + " of " + seeds + " (" + seed + ")");
                RunOutcome outcome = launcher.run(PipelineConfigReader.read(config, List.of(), seed),
                        studyFolder.resolve(FOLDER).resolve("trial-" + trial.number()));
                runs.addObject().put("seed", seed)
                        .put("run_folder", studyFolder.toAbsolutePath().relativize(outcome.folder().toAbsolutePath()).toString())
                        .put("status", outcome.status().label());
                boolean finished = outcome.status() == RunStatus.SUCCEEDED || outcome.status() == RunStatus.GATE_FAILED;
                measured.add(finished ? TrialFolders.metrics(outcome.summary()) : Map.of());
            }
            node.set("metrics", spread(measured));
        }
        RunFolder.at(studyFolder).writeText(FILE, Json.pretty(root));
        StudyOutputs.write(studyFolder, objectives, select, trials);
    }

    /** Per validation and test metric, its value in each run (null where missing), mean and sample standard deviation. */
    private static ObjectNode spread(List<Map<String, Double>> runs) {
        Map<String, List<Double>> byMetric = new LinkedHashMap<>();
        for (Map<String, Double> run : runs) {
            run.keySet().stream().filter(metric -> metric.startsWith("validation.") || metric.startsWith("test."))
                    .forEach(metric -> byMetric.putIfAbsent(metric, new ArrayList<>()));
        }
        ObjectNode node = Json.object();
        byMetric.forEach((metric, values) -> {
            runs.forEach(run -> values.add(run.get(metric)));
            ObjectNode entry = node.putObject(metric);
            ArrayNode list = entry.putArray("values");
            values.forEach(value -> {
                if (value == null) {
                    list.addNull();
                } else {
                    list.add(value);
                }
            });
            double[] present = values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
            double mean = present.length == 0 ? Double.NaN : Arrays.stream(present).sum() / present.length;
            double squares = 0;
            for (double value : present) {
                squares += (value - mean) * (value - mean);
            }
            Json.putNumber(entry, "mean", mean);
            Json.putNumber(entry, "std", present.length < 2 ? Double.NaN : Math.sqrt(squares / (present.length - 1)));
        });
        return node;
    }
}
