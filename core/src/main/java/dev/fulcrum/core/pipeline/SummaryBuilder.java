package dev.fulcrum.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.MetricNames;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.train.InterpolationCurve;
import dev.fulcrum.api.train.LayerChoice;
import dev.fulcrum.api.train.PhaseResult;
import dev.fulcrum.core.FulcrumVersion;
import dev.fulcrum.core.feedback.Action;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.train.Checkpoints;
import dev.fulcrum.core.run.ModelArchive;
import dev.fulcrum.core.train.InterpolationOutcome;
import dev.fulcrum.core.train.ModelSoup;
import dev.fulcrum.core.train.Evaluator;
import dev.fulcrum.math.calibration.Calibration;

import java.time.Instant;
import java.util.Map;

/**
 * Builds {@code summary.json}, whose schema (version {@value #SCHEMA_VERSION}) the README documents
 * and scripts rely on. Change it only with a version bump. Version 2 added the status
 * {@code gate_failed}, the {@code gates} list and the {@code mitigation} section. Version 3 added
 * {@code fulcrum tune}'s trials: the {@code study} section ({@code null} for a plain run; for a
 * trial its study's name, its number and, when pruned, the epoch it was pruned after) and the
 * status {@code pruned}. Version 4 added {@code run.command}, the {@code classes} section (the
 * confusion matrix and per-class precision, recall, F1 and support of each task on validation and test)
 * and the {@code calibration} section (expected calibration error, Brier score, negative log-likelihood
 * and the reliability diagram's bins, same splits). Version 5 added {@code balance.curve} (the validation
 * accuracy of both tasks at each alpha of a weight-space interpolation, {@code null} without one) and the
 * {@code interpolation} section (its rule, the chosen alpha, where theta_0 is, and test accuracy at the
 * chosen alpha and at theta_1; {@code null} without one), and the {@code ensemble} section
 * ({@code null} for a single model; for an output ensemble, from a pipeline's {@code ensemble:} or
 * {@code fulcrum ensemble}, how it varies and combines and each member's metrics, calibration and
 * balance on validation and test, the run's own {@code metrics}, {@code classes}, {@code calibration}
 * and {@code balance} being the ensemble's). Version 6 added the fields listed in the README under
 * "Version 6 added", version 7 those under "Version 7 added" (the {@code resources} section among them).
 */
final class SummaryBuilder {

    static final int SCHEMA_VERSION = 11;

    private SummaryBuilder() {
    }

    /**
     * @param failure the error when the run failed, else {@code null}
     * @param stage   the stage that failed, else {@code null}
     */
    static ObjectNode build(ResolvedPipeline pipeline, PipelineState state, RunStatus status, Throwable failure,
                            String stage, String folder, LaunchCommand command, Instant started, Instant finished) {
        ObjectNode summary = Json.object();
        summary.put("schema_version", SCHEMA_VERSION);
        summary.put("status", status.label());
        if (failure == null) {
            summary.putNull("error");
        } else {
            summary.putObject("error")
                    .put("stage", stage)
                    .put("kind", status == RunStatus.INVALID_INPUT ? "invalid_input" : "failure")
                    .put("message", String.valueOf(failure.getMessage() == null ? failure : failure.getMessage()));
        }
        ObjectNode run = summary.putObject("run")
                .put("name", pipeline.name())
                .put("folder", folder)
                .put("seed", pipeline.seed())
                .put("fulcrum_version", FulcrumVersion.fulcrum())
                .put("started", started.toString())
                .put("finished", finished.toString());
        if (command.arguments().isEmpty()) {
            run.putNull("command");
        } else {
            run.put("command", command.line());
        }
        summary.putNull("study");
        summary.set("data", data(state.data));
        ObjectNode metrics = summary.putObject("metrics");
        state.metrics.forEach((split, tasks) -> metrics.set(split, Json.metrics(tasks)));
        summary.set("classes", classes(state));
        summary.set("calibration", calibration(state));
        if (!state.metricsByDomain.isEmpty()) {
            ObjectNode byDomain = summary.putObject("metrics_by_domain");
            state.metricsByDomain.forEach((domain, splits) -> {
                ObjectNode domainNode = byDomain.putObject(domain);
                splits.forEach((split, tasks) -> domainNode.set(split, Json.metrics(tasks)));
            });
        }
        if (state.domainGapBefore != null) {
            ObjectNode gap = summary.putObject("domain_gap");
            gap.put("rows_per_domain", state.domainGapBefore.rowsPerDomain());
            gap.set("before", domainGap(state.domainGapBefore));
            gap.set("after", domainGap(state.domainGapAfter));
        }
        summary.set("balance", balance(state));
        summary.set("interpolation", interpolation(state));
        summary.set("ensemble", ensemble(state.ensemble));
        if (!pipeline.feedback().isEmpty()) {
            summary.set("feedback", feedback(pipeline, state));
        }
        ObjectNode training = summary.putObject("training");
        training.put("strategy", pipeline.strategy().spec().type());
        training.put("model", pipeline.model().spec().type());
        ArrayNode phases = training.putArray("phases");
        for (PhaseResult phase : state.phases) {
            ObjectNode node = phases.addObject().put("name", phase.phase()).put("epochs_run", phase.epochsRun())
                    .put("best_epoch", phase.bestEpoch()).put("stopped_early", phase.stoppedEarly())
                    .put("seconds", phase.seconds());
            Json.putNumber(node, "best_value", phase.bestValue());
            node.set("averaging", averaging(state, phase.phase()));
        }
        training.set("layer_choice", layerChoice(state.layerChoice));
        training.set("checkpoints", checkpoints(state));
        if (state.mitigations.isEmpty()) {
            summary.putNull("mitigation");
        } else {
            ObjectNode mitigation = summary.putObject("mitigation");
            state.mitigations.forEach((component, report) -> mitigation.set(component, Json.tree(report)));
        }
        if (state.audits.isEmpty()) {
            summary.putNull("audit");
        } else {
            ObjectNode audit = summary.putObject("audit");
            state.audits.forEach((name, report) -> audit.set(name, Json.tree(report.results())));
        }
        ArrayNode gates = summary.putArray("gates");
        state.audits.forEach((auditor, report) -> report.gates().forEach(gate -> {
            ObjectNode node = gates.addObject().put("auditor", auditor).put("gate", gate.gate()).put("metric", gate.metric())
                    .put("scope", gate.scope()).put("comparison", gate.comparison()).put("bound", gate.bound())
                    .put("passed", gate.passed()).put("detail", gate.detail());
            putNullable(node, "value", gate.value());
            putNullable(node, "margin", gate.margin());
        }));
        ArrayNode plugins = summary.putArray("plugins");
        pipeline.components().forEach(component -> plugins.addObject()
                .put("component", component.spec().path().toString())
                .put("type", component.spec().type())
                .put("plugin", component.factory().pluginId()));
        ObjectNode timing = summary.putObject("timing");
        timing.put("total_seconds", (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0);
        ObjectNode stages = timing.putObject("stages");
        state.stageSeconds.forEach(stages::put);
        summary.set("resources", ResourcesSection.build(state));
        return summary;
    }

    /**
     * What a phase's weight averaging did: {@code {type, epochs, decay, epochs_averaged, iterations_averaged,
     * validation_before, validation_after}} (validation metrics per task, with the weights the phase would have
     * kept and with the average); {@code null} for a phase that did not average.
     */
    private static JsonNode averaging(PipelineState state, String phase) {
        return state.averaging.stream().filter(outcome -> outcome.phase().equals(phase)).findFirst()
                .<JsonNode>map(outcome -> {
                    ObjectNode node = Json.object().put("type", outcome.settings().type());
                    if (outcome.settings().epochs() == null) {
                        node.putNull("epochs");
                    } else {
                        node.put("epochs", outcome.settings().epochs());
                    }
                    putNullable(node, "decay", outcome.settings().decay());
                    node.put("epochs_averaged", outcome.epochsAveraged()).put("iterations_averaged", outcome.iterationsAveraged());
                    node.set("validation_before", Json.metrics(outcome.before()));
                    node.set("validation_after", Json.metrics(outcome.after()));
                    return node;
                }).orElse(NullNode.getInstance());
    }

    /** The {@code study} section of a trial's summary; {@code prunedAfter} is {@code null} unless it was pruned. */
    static ObjectNode study(StudyTrial trial, Integer prunedAfter) {
        ObjectNode study = Json.object().put("name", trial.study()).put("trial", trial.number());
        if (prunedAfter == null) {
            study.putNull("pruned_after_epoch");
        } else {
            study.put("pruned_after_epoch", prunedAfter);
        }
        return study;
    }

    private static void putNullable(ObjectNode node, String name, Double value) {
        if (value == null) {
            node.putNull(name);
        } else {
            Json.putNumber(node, name, value);
        }
    }

    private static ObjectNode data(Dataset data) {
        ObjectNode node = Json.object();
        if (data == null) {
            return node;
        }
        node.put("rows", data.rows());
        node.put("features", data.schema().featureCount());
        ObjectNode partitions = node.putObject("partitions");
        for (Partition partition : new Partition[] {Partition.TRAIN, Partition.VALIDATION, Partition.TEST}) {
            partitions.put(TestStage.splitName(partition), data.rowsIn(partition).length);
        }
        ObjectNode tasks = node.putObject("tasks");
        data.schema().tasks().forEach(task -> {
            ObjectNode taskNode = tasks.putObject(task.name());
            taskNode.set("classes", Json.tree(task.classes()));
            ObjectNode labelled = taskNode.putObject("labelled");
            for (Partition partition : new Partition[] {Partition.TRAIN, Partition.VALIDATION, Partition.TEST}) {
                labelled.put(TestStage.splitName(partition), data.labelledRows(task.name(), partition).length);
            }
        });
        node.set("domains", Json.tree(data.schema().domains()));
        node.set("sensitive", Json.tree(data.sensitive().keySet()));
        return node;
    }

    /** Split, then task: the confusion matrix (rows: true class, columns: predicted) and the figures per class. */
    private static ObjectNode classes(PipelineState state) {
        ObjectNode node = Json.object();
        state.classCounts.forEach((split, tasks) -> {
            ObjectNode splitNode = node.putObject(split);
            tasks.forEach((task, counts) -> {
                ObjectNode taskNode = splitNode.putObject(task);
                taskNode.set("labels", Json.tree(counts.classes()));
                ArrayNode confusion = taskNode.putArray("confusion");
                for (long[] row : counts.confusion()) {
                    ArrayNode rowNode = confusion.addArray();
                    for (long count : row) {
                        rowNode.add(count);
                    }
                }
                ObjectNode perClass = taskNode.putObject("per_class");
                for (int c = 0; c < counts.classes().size(); c++) {
                    ObjectNode classNode = perClass.putObject(counts.classes().get(c));
                    Json.putNumber(classNode, "precision", counts.precision(c));
                    Json.putNumber(classNode, "recall", counts.recall(c));
                    Json.putNumber(classNode, "f1", counts.f1(c));
                    classNode.put("support", counts.support(c));
                }
            });
        });
        return node;
    }

    /** Split, then task: {@code {ece, brier, nll, bins: [{lower, upper, count, confidence, accuracy}]}}. */
    private static ObjectNode calibration(PipelineState state) {
        ObjectNode node = Json.object();
        state.calibration.forEach((split, tasks) -> {
            ObjectNode splitNode = node.putObject(split);
            tasks.forEach((task, calibration) -> {
                ObjectNode taskNode = calibrationFigures(splitNode.putObject(task), calibration);
                ArrayNode bins = taskNode.putArray("bins");
                for (Calibration.Bin bin : calibration.bins()) {
                    ObjectNode binNode = bins.addObject();
                    Json.putNumber(binNode, "lower", bin.lower());
                    Json.putNumber(binNode, "upper", bin.upper());
                    binNode.put("count", bin.count());
                    Json.putNumber(binNode, "confidence", bin.confidence());
                    Json.putNumber(binNode, "accuracy", bin.accuracy());
                }
            });
        });
        return node;
    }

    private static ObjectNode calibrationFigures(ObjectNode node, Calibration calibration) {
        Json.putNumber(node, "ece", calibration.ece());
        Json.putNumber(node, "brier", calibration.brier());
        Json.putNumber(node, "nll", calibration.nll());
        return node;
    }

    /**
     * {@code {vary, combine, fitted_on, combiner: {task: state}, members: [{member, seed, run, model,
     * model_sha256, bootstrap_rows, metrics: {split: {task: {metric}}}, calibration: {split: {task: {ece,
     * brier, nll}}}, balance: {specific, general, general_before}}]}}, or {@code null} for a single model.
     */
    /**
     * The corrections files of {@code feedback:} (path, SHA-256, format, task, reviewed rows, rows changed per
     * action) and the rows changed per action in all; the counts are {@code null} where the run failed before
     * the feedback stage finished.
     */
    private static ObjectNode feedback(ResolvedPipeline pipeline, PipelineState state) {
        ObjectNode node = Json.object();
        ArrayNode files = node.putArray("files");
        Map<Action, Integer> total = new java.util.EnumMap<>(Action.class);
        for (int i = 0; i < pipeline.feedback().size(); i++) {
            ResolvedFeedback entry = pipeline.feedback().get(i);
            java.util.Set<String> tasks = new java.util.TreeSet<>();
            entry.file().rows().forEach(row -> tasks.add(row.task()));
            ObjectNode file = files.addObject().put("path", entry.spec().file().toString()).put("sha256", entry.file().sha256())
                    .put("format", entry.file().format().label())
                    .put("task", entry.spec().task() != null ? entry.spec().task() : tasks.isEmpty() ? null : String.join(",", tasks))
                    .put("rows", entry.file().rows().size());
            if (state.feedback == null) {
                file.putNull("changed");
            } else {
                file.set("changed", changed(state.feedback.get(i)));
                state.feedback.get(i).forEach((action, rows) -> total.merge(action, rows, Integer::sum));
            }
        }
        if (state.feedback == null) {
            node.putNull("changed");
        } else {
            node.set("changed", changed(total));
        }
        return node;
    }

    private static ObjectNode changed(Map<Action, Integer> counts) {
        ObjectNode node = Json.object();
        Action.COUNTED.forEach(action -> node.put(action.label(), counts.getOrDefault(action, 0)));
        return node;
    }

    private static JsonNode ensemble(EnsembleRecord ensemble) {
        if (ensemble == null) {
            return NullNode.getInstance();
        }
        ObjectNode node = Json.object().put("vary", ensemble.vary()).put("combine", ensemble.combine());
        node.put("fitted_on", "validation");
        node.set("combiner", ensemble.probabilities() == null ? NullNode.getInstance()
                : Json.tree(ensemble.probabilities().combinerStates()));
        node.set("soup", soup(ensemble));
        ArrayNode members = node.putArray("members");
        for (EnsembleRecord.Member member : ensemble.members()) {
            ObjectNode entry = members.addObject().put("member", member.number());
            if (member.seed() == null) {
                entry.putNull("seed");
            } else {
                entry.put("seed", member.seed());
            }
            entry.put("run", member.run()).put("model", member.model()).put("model_sha256", member.modelSha256());
            if (member.bootstrapRows() == null) {
                entry.putNull("bootstrap_rows");
            } else {
                entry.put("bootstrap_rows", member.bootstrapRows());
            }
            ObjectNode metrics = entry.putObject("metrics");
            ObjectNode calibration = entry.putObject("calibration");
            member.evaluations().forEach((split, tasks) -> {
                ObjectNode splitMetrics = metrics.putObject(split);
                ObjectNode splitCalibration = calibration.putObject(split);
                tasks.forEach((task, evaluation) -> {
                    splitMetrics.set(task, Json.metrics(Map.of(task, evaluation.metrics())).get(task));
                    calibrationFigures(splitCalibration.putObject(task), evaluation.calibration());
                });
            });
            ObjectNode balance = entry.putObject("balance");
            Map<String, Evaluator.TaskEvaluation> test = member.evaluations().getOrDefault("test", Map.of());
            for (String task : new String[] {Tasks.SPECIFIC, Tasks.GENERAL}) {
                Evaluator.TaskEvaluation evaluation = test.get(task);
                putNullable(balance, task, evaluation == null ? null : evaluation.metrics().get(MetricNames.ACCURACY));
            }
            putNullable(balance, "general_before", member.generalBefore() == null ? null
                    : member.generalBefore().get(MetricNames.ACCURACY));
        }
        return node;
    }

    /**
     * {@code {recipe, score, theta0_sha256, ingredients, validation_score, steps: [{member, alone, tried, added,
     * soup}]}}: the members that went in (in order), the soup's validation score, and per member tried its own
     * score, the soup's with it, whether it went in and the soup's score after; {@code null} for an output ensemble.
     */
    private static JsonNode soup(EnsembleRecord ensemble) {
        if (ensemble.soup() == null) {
            return NullNode.getInstance();
        }
        ModelSoup.Outcome soup = ensemble.soup();
        ObjectNode node = Json.object().put("recipe", soup.recipe()).put("score", soup.score())
                .put("theta0_sha256", ensemble.soupTheta0Sha256());
        node.set("ingredients", Json.tree(soup.ingredients()));
        Json.putNumber(node, "validation_score", soup.validationScore());
        ArrayNode steps = node.putArray("steps");
        soup.steps().forEach(step -> {
            ObjectNode entry = steps.addObject().put("member", step.ingredient());
            Json.putNumber(entry, "alone", step.alone());
            Json.putNumber(entry, "tried", step.tried());
            entry.put("added", step.added());
            Json.putNumber(entry, "soup", step.soup());
        });
        return node;
    }

    private static ObjectNode domainGap(DomainGap gap) {
        ObjectNode node = Json.object();
        Json.putNumber(node, "covariance_distance", gap.covarianceDistance());
        Json.putNumber(node, "mmd_linear", gap.mmdLinear());
        Json.putNumber(node, "mmd_rbf", gap.mmdRbf());
        Json.putNumber(node, "domain_classifier_accuracy", gap.domainClassifierAccuracy());
        return node;
    }

    /**
     * Test accuracy of both sides of the trade-off, side by side; where the strategy pre-trained on
     * general data, the general accuracy when specific training started and how much of it was lost
     * ({@code forgetting = general_before - general}, positive for a loss).
     */
    private static ObjectNode balance(PipelineState state) {
        ObjectNode balance = Json.object();
        Map<String, Map<String, Double>> test = state.metrics.getOrDefault("test", Map.of());
        for (String task : new String[] {Tasks.SPECIFIC, Tasks.GENERAL}) {
            Map<String, Double> metrics = test.get(task);
            if (metrics == null) {
                balance.putNull(task);
            } else {
                Json.putNumber(balance, task, metrics.get(MetricNames.ACCURACY));
            }
        }
        Map<String, Double> general = test.get(Tasks.GENERAL);
        if (state.generalBefore == null) {
            balance.putNull("general_before");
            balance.putNull("forgetting");
        } else {
            double before = state.generalBefore.get(MetricNames.ACCURACY);
            Json.putNumber(balance, "general_before", before);
            Json.putNumber(balance, "forgetting", general == null ? Double.NaN : before - general.get(MetricNames.ACCURACY));
        }
        if (state.interpolation == null) {
            balance.putNull("curve");
        } else {
            ArrayNode curve = balance.putArray("curve");
            state.interpolation.curve().points().forEach(point -> curve.add(point(point)));
        }
        return balance;
    }

    /**
     * How the strategy chose what to freeze ({@code freeze: auto}): the score, rule and tolerance, the rows measured,
     * each candidate cut's score input side first, the chosen {@code freeze} value and why; {@code null} where the
     * strategy chose nothing.
     */
    /**
     * What checkpointing cost over the run's training sessions (files, bytes, seconds), or {@code null} where the
     * run wrote none by design (a study trial, a cross-fitting fold, {@code every: 0}).
     */
    private static JsonNode checkpoints(PipelineState state) {
        CheckpointPolicy policy = state.checkpointPolicy;
        if (policy == null || !policy.enabled()) {
            return NullNode.getInstance();
        }
        int written = 0;
        long bytes = 0;
        double seconds = 0;
        for (Checkpoints.Cost cost : state.checkpoints.values().stream().map(Checkpoints::cost).toList()) {
            written += cost.written();
            bytes += cost.bytes();
            seconds += cost.seconds();
        }
        return Json.object().put("every", policy.settings().every())
                .put("min_seconds", policy.settings().seconds()).put("keep", policy.settings().keep())
                .put("written", written).put("bytes", bytes).put("seconds", seconds);
    }

    private static JsonNode layerChoice(LayerChoice choice) {
        if (choice == null) {
            return NullNode.getInstance();
        }
        ObjectNode node = Json.object().put("score", choice.score()).put("rule", choice.rule())
                .put("tolerance", choice.tolerance()).put("rows", choice.rows());
        ArrayNode candidates = node.putArray("candidates");
        choice.candidates().forEach(candidate -> Json.putNumber(candidates.addObject().put("layer", candidate.layer())
                .put("freeze", candidate.freeze()), "score", candidate.score()));
        return node.put("freeze", choice.freeze()).put("reason", choice.reason()).put("seconds", choice.seconds());
    }

    /** {@code {alpha, specific, general}}: validation accuracy at one alpha of the interpolation. */
    private static ObjectNode point(InterpolationCurve.Point point) {
        ObjectNode node = Json.object();
        Json.putNumber(node, "alpha", point.alpha());
        Json.putNumber(node, "specific", point.specific());
        Json.putNumber(node, "general", point.general());
        return node;
    }

    /**
     * The weight-space interpolation: its rule, the chosen alpha and whether it met the rule's
     * constraint, theta_0's file, the chosen point on validation, test accuracy at the chosen alpha (the
     * run's model) and at theta_1 (the model the phases made), the sweep's seconds; {@code null} without one.
     */
    private static JsonNode interpolation(PipelineState state) {
        InterpolationOutcome outcome = state.interpolation;
        if (outcome == null) {
            return NullNode.getInstance();
        }
        ObjectNode node = Json.object().put("rule", outcome.settings().rule());
        putNullable(node, "min_general", outcome.settings().minGeneral());
        Json.putNumber(node, "chosen_alpha", outcome.chosen().alpha());
        node.put("rule_met", outcome.ruleMet());
        node.put("theta0", ModelArchive.STARTING_POINT);
        ObjectNode validation = point(outcome.chosen());
        validation.remove("alpha");
        node.set("validation", validation);
        Map<String, Map<String, Double>> test = state.metrics.getOrDefault("test", Map.of());
        ObjectNode chosenTest = node.putObject("test");
        ObjectNode fineTunedTest = node.putObject("fine_tuned_test");
        for (String task : new String[] {Tasks.SPECIFIC, Tasks.GENERAL}) {
            Map<String, Double> metrics = test.get(task);
            putNullable(chosenTest, task, metrics == null ? null : metrics.get(MetricNames.ACCURACY));
            putNullable(fineTunedTest, task, state.fineTunedTest.get(task));
        }
        Json.putNumber(node, "seconds", outcome.seconds());
        return node;
    }
}
