package dev.fulcrum.core.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.tune.ClaimedTrial;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.Parameter;
import dev.fulcrum.api.tune.StudyStorage;
import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.pipeline.PipelineLauncher;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.StudyTrial;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.core.threads.ThreadSettings;
import dev.fulcrum.runtime.config.ConfigPath;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one claimed trial: the base pipeline with the trial's values set (origin {@code trial 7}),
 * as an ordinary run in a folder of its own under the study's, under a heartbeat, every epoch told
 * to the study and its pruner. Maps how the run ended to how the trial ends: succeeded is complete;
 * a failed audit gate is complete but infeasible; a failure, a missing or undefined objective is
 * failed, the study going on; bad input at run time is failed and stops the worker.
 */
final class TrialRunner {

    private final StudyPlan plan;
    private final StudyStorage storage;
    private final StudyFolder folder;
    private final Path studyPath;
    private final PipelineLauncher launcher;
    private final StudyTimings timings;
    private final String worker;
    private final int workers;

    /**
     * @param folder    where the trial's run folder is made
     * @param studyPath the study's folder as its provenance names it: {@code folder}'s, unless the trial
     *                  runs on an engine's machine ({@link RemoteTrials}) and its run folder goes to the driver's study
     */
    TrialRunner(StudyPlan plan, StudyStorage storage, StudyFolder folder, Path studyPath, PipelineLauncher launcher,
                StudyTimings timings, String worker, int workers) {
        this.plan = plan;
        this.storage = storage;
        this.folder = folder;
        this.studyPath = studyPath;
        this.launcher = launcher;
        this.timings = timings;
        this.worker = worker;
        this.workers = workers;
    }

    TrialEnd run(ClaimedTrial trial) {
        // From the claim on: checking the trial's pipeline can take seconds in a fresh process (native libraries load).
        try (Heartbeat ignored = Heartbeat.start(storage, trial.number(), timings.heartbeat())) {
            return runBeating(trial);
        }
    }

    private TrialEnd runBeating(ClaimedTrial trial) {
        PipelineConfig config;
        try {
            config = StudyValidator.withValues(plan.pipeline(), trial.params(), "trial " + trial.number());
            launcher.validate(config);
        } catch (InvalidInputException e) {
            // Each value passed alone before trial 0; this combination of them does not.
            return TrialEnd.failed(e.getMessage());
        }
        RunFolder runFolder = folder.newTrialFolder(trial.number());
        storage.setRunFolder(trial.number(), folder.path().relativize(runFolder.path()).toString());
        RunOutcome outcome = launcher.runTrial(config, runFolder, new StudyTrial(folder.study(), trial.number(),
                provenance(trial), new TrialEpochs(storage, trial.number(), plan)));
        return switch (outcome.status()) {
            case SUCCEEDED -> values(outcome, true);
            case GATE_FAILED -> values(outcome, false);
            case PRUNED -> TrialEnd.pruned();
            case FAILED -> TrialEnd.failed(outcome.errorMessage());
            case INVALID_INPUT -> TrialEnd.invalidInput(outcome.errorMessage());
        };
    }

    /** Each objective's value from the summary's metrics; a trial without one, or with an undefined one, failed. */
    private TrialEnd values(RunOutcome outcome, boolean feasible) {
        Map<String, Double> values = new LinkedHashMap<>();
        JsonNode metrics = outcome.summary().path("metrics");
        for (Objective objective : plan.tune().objectives()) {
            JsonNode value = metrics.at(ConfigPath.parse(objective.metric()).pointer());
            if (value.isMissingNode()) {
                return TrialEnd.failed("the run has no metric " + objective.metric() + "; summary.json's metrics are "
                        + String.join(", ", metricPaths(metrics)));
            }
            if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
                return TrialEnd.failed("objective " + objective.metric() + " is undefined (NaN) in this run");
            }
            values.put(objective.metric(), value.doubleValue());
        }
        return TrialEnd.complete(values, feasible);
    }

    private static List<String> metricPaths(JsonNode metrics) {
        List<String> paths = new java.util.ArrayList<>();
        metrics.fields().forEachRemaining(split -> split.getValue().fields().forEachRemaining(task ->
                task.getValue().fieldNames().forEachRemaining(metric -> paths.add(split.getKey() + "." + task.getKey() + "." + metric))));
        return paths;
    }

    /** The {@code study} section of the trial's provenance: what drew its values, and how it was run. */
    private ObjectNode provenance(ClaimedTrial trial) {
        ObjectNode study = Json.object().put("name", folder.study()).put("trial", trial.number())
                .put("folder", studyPath.toAbsolutePath().toString());
        study.set("params", TrialValues.node(trial.params()));
        study.put("queued", trial.queued());
        study.put("study_seed", plan.seed()).put("trial_seed", TrialSeeds.of(plan.seed(), trial.number()));
        study.set("sampler", Json.object().put("type", plan.sampler().spec().type())
                .put("plugin", plan.sampler().factory().pluginId()));
        study.set("pruner", Json.object().put("type", plan.pruner().spec().type())
                .put("plugin", plan.pruner().factory().pluginId()));
        study.put("worker", worker).put("workers", workers).put("cores", ThreadSettings.cores());
        // Where the study's trials live; a URL never holds credentials (PostgresUrl refuses them).
        study.put("storage", plan.tune().storage() == null ? StudyFolder.DATABASE
                : plan.tune().storage().withStudy(folder.study()).toString());
        if (trial.number() == 0) {
            study.put("pipeline_as_written", true);
            study.set("defaults", TrialValues.node(plan.tune().space().parameters().stream().map(Parameter::path)
                    .filter(path -> plan.pipeline().document().at(ConfigPath.parse(path)).isMissingNode()).toList()));
        }
        return study;
    }
}
