package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.model.ModelSpec;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.core.resources.ModelCost;
import jakarta.inject.Inject;
import org.nd4j.linalg.learning.config.Adam;

/** Builds the network: one head per task of the data. */
final class ModelStage implements PipelineStage {

    /** Adam's usual starting rate (Kingma and Ba, 2015); strategies set the rates they train at. */
    private static final double INITIAL_RATE = 1e-3;

    private final ResolvedPipeline pipeline;
    private final RunContext context;
    private final RunProgress progress;

    @Inject
    ModelStage(ResolvedPipeline pipeline, RunContext context, RunProgress progress) {
        this.pipeline = pipeline;
        this.context = context;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "model";
    }

    @Override
    public void run(PipelineState state) {
        TrainableModel model = build(pipeline, state.data.schema(), context);
        state.model = model;
        state.modelCost = ModelCost.of(model.graph(), ModelCost.inputType(state.data.schema()));
        progress.note("model: " + pipeline.model().label() + ", " + model.graph().numParams() + " parameters, trunk "
                + model.trunkLayers() + ", heads " + model.headLayers().keySet());
    }

    /** The pipeline's network for rows of this schema, its initial weights drawn from {@code context}'s model stream. */
    static TrainableModel build(ResolvedPipeline pipeline, Schema schema, RunContext context) {
        ModelSpec spec = new ModelSpec(schema.featureCount(), schema.image().orElse(null), schema.tasks(),
                context.seedFor("model"), new Adam(INITIAL_RATE));
        return pipeline.model().component().build(spec);
    }
}
