package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.audit.AuditReport;
import dev.fulcrum.api.audit.GateResult;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.features.FeatureTransform;
import dev.fulcrum.api.mitigate.DecisionRule;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.api.train.PhaseResult;
import dev.fulcrum.core.resources.MemoryPeaks;
import dev.fulcrum.core.resources.ModelCost;
import dev.fulcrum.core.threads.ThreadSettings;
import dev.fulcrum.core.train.AveragingOutcome;
import dev.fulcrum.core.train.PhaseCost;
import dev.fulcrum.core.train.TrainingBudget;
import dev.fulcrum.api.train.LayerChoice;
import dev.fulcrum.core.train.InterpolationOutcome;
import dev.fulcrum.core.train.StartingPointSource;
import dev.fulcrum.core.train.ClassProbabilities;
import dev.fulcrum.math.calibration.Calibration;
import dev.fulcrum.math.stats.ClassCounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the stages of one run hand to each other, and what the summary reports. */
public final class PipelineState {

    /** The rows, after the stages so far. */
    Dataset data;
    /** How many of the loaded rows came from the specific source (the first ones; the general source's follow). */
    int specificRows;
    /** Rows changed per action by each corrections file of {@code feedback:}, in order; {@code null} until applied. */
    List<Map<dev.fulcrum.core.feedback.Action, Integer>> feedback;
    /** The schema of the rows as the sources gave them, before feature extraction. */
    Schema inputSchema;
    /** The fitted feature transforms, in pipeline order; saved with the model. */
    final List<FeatureTransform> featureTransforms = new ArrayList<>();
    /** What each domain adapter leaves for rows predicted later, in pipeline order; saved with the model. */
    final List<SavedAdaptation> adaptations = new ArrayList<>();
    TrainableModel model;
    final List<PhaseResult> phases = new ArrayList<>();
    /** What each phase in {@link #phases} cost, in the same order. */
    final List<PhaseCost> phaseCosts = new ArrayList<>();
    /** The model's parameters and forward FLOPs per layer, once the model stage built it; else {@code null}. */
    ModelCost modelCost;
    /** What training spent against the pipeline's budget (none where it has none), and whether a limit ended training; {@code null} before training. */
    TrainingBudget budget;
    /** The run's memory peaks, once the run's stages ended. */
    MemoryPeaks.Peaks memory;
    /** The thread settings the run applied. */
    ThreadSettings threads;
    /** Split, then task, then metric. */
    final Map<String, Map<String, Map<String, Double>>> metrics = new LinkedHashMap<>();
    /** Split (validation and test), then task: the confusion matrix behind the metrics. */
    final Map<String, Map<String, ClassCounts>> classCounts = new LinkedHashMap<>();
    /** Split (validation and test), then task: how well the probabilities match the hit rate. */
    final Map<String, Map<String, Calibration>> calibration = new LinkedHashMap<>();
    /** Domain, then split, task, metric; only for data with more than one domain. */
    final Map<String, Map<String, Map<String, Map<String, Double>>>> metricsByDomain = new LinkedHashMap<>();
    /** The post-processing mitigator's rule, which turns the specific task's scores into decisions; else {@code null}. */
    DecisionRule decisionRule;
    /** Mitigator's place in the config, then what it reports. */
    final Map<String, Map<String, Object>> mitigations = new LinkedHashMap<>();
    /** Component label, then its audit. */
    final Map<String, AuditReport> audits = new LinkedHashMap<>();
    final Map<String, Double> stageSeconds = new LinkedHashMap<>();
    /** The domain gap before and after the adapters; {@code null} unless the data has a target domain and another one. */
    DomainGap domainGapBefore;
    DomainGap domainGapAfter;
    /** The general task's test metrics when specific training started, or {@code null} without pre-training. */
    Map<String, Double> generalBefore;
    /** What the strategy's weight-space interpolation did, or {@code null} without one. */
    InterpolationOutcome interpolation;
    /** With an interpolation, each task's test accuracy at theta_1 (the model before interpolating), else empty. */
    final Map<String, Double> fineTunedTest = new LinkedHashMap<>();
    /** What each phase that averaged its weights did (SWA, EMA), in phase order; empty without averaging. */
    final List<AveragingOutcome> averaging = new ArrayList<>();
    /** The saved theta_0 the run started from (pretrain-finetune's start-from), or {@code null}. */
    StartingPointSource startedFrom;
    /** How the strategy chose the layers it froze from their scores, or {@code null} where it did not say. */
    LayerChoice layerChoice;
    /** The output ensemble, whose combined probabilities the run is evaluated on; {@code null} for a single model. */
    EnsembleRecord ensemble;
    /** The checkpoints of each training session, by its folder relative to the run's ("" for the run's own model). */
    final Map<String, dev.fulcrum.core.train.Checkpoints> checkpoints = new LinkedHashMap<>();
    CheckpointPolicy checkpointPolicy;

    /** What the run's figures measure: an output ensemble's combination where there is one, else the model (a soup is one). */
    ClassProbabilities probabilities() {
        return ensemble == null || ensemble.soup() != null ? ClassProbabilities.of(model) : ensemble.probabilities();
    }

    public Dataset data() {
        return data;
    }

    public TrainableModel model() {
        return model;
    }

    public List<PhaseResult> phases() {
        return phases;
    }

    public Map<String, Map<String, Map<String, Double>>> metrics() {
        return metrics;
    }

    public Map<String, Map<String, Map<String, Map<String, Double>>>> metricsByDomain() {
        return metricsByDomain;
    }

    public Map<String, AuditReport> audits() {
        return audits;
    }

    public Map<String, Map<String, Object>> mitigations() {
        return mitigations;
    }

    /** Every policy gate of every auditor, in pipeline order. */
    public List<GateResult> gates() {
        return audits.values().stream().flatMap(report -> report.gates().stream()).toList();
    }

    public Map<String, Double> stageSeconds() {
        return stageSeconds;
    }

    public Map<String, Double> generalBefore() {
        return generalBefore;
    }
}
