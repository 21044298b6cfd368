package dev.fulcrum.core.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.augment.Augmenter;
import dev.fulcrum.api.features.FeatureTransform;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.MetricsLog;
import dev.fulcrum.core.run.ModelArchive;
import dev.fulcrum.core.run.SchemaJson;
import dev.fulcrum.core.run.Yaml;
import dev.fulcrum.core.train.HostTrainingSession;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

/** Lets the strategy train the model through the host's session, then saves the model. */
final class TrainStage implements PipelineStage {

    private final ResolvedPipeline pipeline;
    private final HostRunContext context;
    private final MetricsLog metricsLog;
    private final RunProgress progress;

    @Inject
    TrainStage(ResolvedPipeline pipeline, HostRunContext context, MetricsLog metricsLog, RunProgress progress) {
        this.pipeline = pipeline;
        this.context = context;
        this.metricsLog = metricsLog;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "train";
    }

    @Override
    public void run(PipelineState state) {
        HostTrainingSession session = new HostTrainingSession(state.model, state.data,
                pipeline.augment().stream().map(Resolved::component).map(Augmenter.class::cast).toList(),
                context, metricsLog, progress);
        try {
            pipeline.strategy().component().train(session);
        } finally {
            state.phases.addAll(session.results());
        }
        if (state.phases.isEmpty()) {
            throw new IllegalStateException(pipeline.strategy().label() + " ran no training phase");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(SavedModel.PIPELINE, Yaml.write(pipeline.resolvedConfig()));
        ObjectNode description = Json.object();
        description.set("trunk", Json.tree(state.model.trunkLayers()));
        description.set("heads", Json.tree(state.model.headLayers()));
        description.set("input_schema", SchemaJson.write(state.inputSchema));
        description.set("schema", SchemaJson.write(state.data.schema()));
        texts.put(SavedModel.DESCRIPTION, Json.pretty(description));
        ModelArchive.write(context.folder(), state.model, texts,
                state.featureTransforms.stream().map(FeatureTransform::state).toList());
    }
}
