package dev.fulcrum.core.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.MetricNames;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.augment.Augmenter;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.features.FeatureTransform;
import dev.fulcrum.api.train.InterpolationCurve;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.MetricsLog;
import dev.fulcrum.core.run.ModelArchive;
import dev.fulcrum.core.run.Yaml;
import dev.fulcrum.core.train.EpochListener;
import dev.fulcrum.core.train.Evaluator;
import dev.fulcrum.core.train.HostTrainingSession;
import dev.fulcrum.core.train.InterpolationOutcome;
import dev.fulcrum.runtime.ModelZip;
import dev.fulcrum.runtime.SchemaJson;
import jakarta.inject.Inject;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lets the strategy train the model through the host's session, then saves the model, and theta_0
 * ({@code theta0.zip}) where a phase kept it. When the strategy says specific training starts,
 * measures the general task on the test rows (which the strategy never sees), for the summary's
 * balance; after an interpolation, both tasks on the test rows at theta_1.
 */
final class TrainStage implements PipelineStage {

    private final ResolvedPipeline pipeline;
    private final HostRunContext context;
    private final MetricsLog metricsLog;
    private final RunProgress progress;
    private final Optional<StudyTrial> trial;

    @Inject
    TrainStage(ResolvedPipeline pipeline, HostRunContext context, MetricsLog metricsLog, RunProgress progress,
               Optional<StudyTrial> trial) {
        this.pipeline = pipeline;
        this.context = context;
        this.metricsLog = metricsLog;
        this.progress = progress;
        this.trial = trial;
    }

    @Override
    public String name() {
        return "train";
    }

    @Override
    public void run(PipelineState state) {
        HostTrainingSession session = new HostTrainingSession(state.model, state.data,
                pipeline.augment().stream().map(Resolved::component).map(Augmenter.class::cast).toList(),
                context, metricsLog, progress, () -> measureGeneralBefore(state),
                trial.map(StudyTrial::epochs).orElse(EpochListener.NONE));
        try {
            pipeline.strategy().component().train(session);
        } finally {
            state.phases.addAll(session.results());
        }
        if (state.phases.isEmpty()) {
            throw new IllegalStateException(pipeline.strategy().label() + " ran no training phase");
        }
        session.startingPoint().ifPresent(theta0 -> ModelArchive.writeStartingPoint(context.folder(), state.model.graph(), theta0));
        session.interpolation().ifPresent(outcome -> interpolated(state, outcome));
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(ModelZip.PIPELINE, Yaml.write(pipeline.resolvedConfig()));
        ObjectNode description = Json.object();
        description.set("trunk", Json.tree(state.model.trunkLayers()));
        description.set("heads", Json.tree(state.model.headLayers()));
        description.set("input_schema", SchemaJson.write(state.inputSchema));
        description.set("schema", SchemaJson.write(state.data.schema()));
        ArrayNode adapt = description.putArray("adapt");
        state.adaptations.forEach(saved -> adapt.addObject().put("type", saved.type()).put("at_prediction", saved.atPrediction().label()));
        texts.put(ModelZip.DESCRIPTION, Json.pretty(description));
        ModelArchive.write(context.folder(), state.model, texts,
                state.featureTransforms.stream().map(FeatureTransform::state).toList(),
                state.adaptations.stream().map(SavedAdaptation::state).toList());
    }

    /**
     * Keeps the interpolation for the summary, with each task's test accuracy at theta_1, the model the
     * strategy's phases made (what the run would have been without interpolating); the model goes back
     * to the chosen alpha.
     */
    private void interpolated(PipelineState state, InterpolationOutcome outcome) {
        state.interpolation = outcome;
        ComputationGraph graph = state.model.graph();
        INDArray chosen = graph.params().dup();
        outcome.fineTuned().forEach(graph::setParam);
        Evaluator.evaluate(state.model, state.data, Partition.TEST)
                .forEach((task, metrics) -> state.fineTunedTest.put(task, metrics.get(MetricNames.ACCURACY)));
        graph.setParams(chosen);
        InterpolationCurve.Point point = outcome.chosen();
        progress.note(String.format(Locale.ROOT, "interpolation: alpha %s chosen by rule %s%s (validation specific %.4f, general %.4f), %.1f s",
                point.alpha(), outcome.settings().rule(), outcome.ruleMet() ? "" : ", whose constraint no alpha met",
                point.specific(), point.general(), outcome.seconds()));
    }

    /** The general task's test metrics as the strategy starts on the specific task: the "before" of forgetting. */
    private void measureGeneralBefore(PipelineState state) {
        int[] general = state.data.schema().task(Tasks.GENERAL).isPresent() ? state.data.labels(Tasks.GENERAL) : null;
        if (general == null) {
            return;
        }
        Map<String, Double> before = Evaluator.evaluate(state.model, state.data, Partition.TEST,
                row -> general[row] != Dataset.NO_LABEL).get(Tasks.GENERAL);
        if (before != null) {
            state.generalBefore = before;
            progress.note(String.format(Locale.ROOT, "balance: general test accuracy %.4f before specific training",
                    before.get(MetricNames.ACCURACY)));
        }
    }
}
