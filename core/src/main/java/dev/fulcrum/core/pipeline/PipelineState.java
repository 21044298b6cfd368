package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.audit.AuditReport;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.api.train.PhaseResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the stages of one run hand to each other, and what the summary reports. */
public final class PipelineState {

    /** The rows, after the stages so far. */
    Dataset data;
    TrainableModel model;
    final List<PhaseResult> phases = new ArrayList<>();
    /** Split, then task, then metric. */
    final Map<String, Map<String, Map<String, Double>>> metrics = new LinkedHashMap<>();
    /** Domain, then split, task, metric; only for data with more than one domain. */
    final Map<String, Map<String, Map<String, Map<String, Double>>>> metricsByDomain = new LinkedHashMap<>();
    /** Component label, then its audit. */
    final Map<String, AuditReport> audits = new LinkedHashMap<>();
    final Map<String, Double> stageSeconds = new LinkedHashMap<>();
    /** The general task's test metrics when specific training started, or {@code null} without pre-training. */
    Map<String, Double> generalBefore;

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

    public Map<String, Double> stageSeconds() {
        return stageSeconds;
    }

    public Map<String, Double> generalBefore() {
        return generalBefore;
    }
}
