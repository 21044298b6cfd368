package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureTransform;
import jakarta.inject.Inject;

/** Fits each feature extractor on the training rows, in order, and applies it to all rows. */
final class FeatureStage implements PipelineStage {

    private final ResolvedPipeline pipeline;
    private final RunProgress progress;

    @Inject
    FeatureStage(ResolvedPipeline pipeline, RunProgress progress) {
        this.pipeline = pipeline;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "features";
    }

    @Override
    public void run(PipelineState state) {
        state.inputSchema = state.data.schema();
        for (Resolved<FeatureExtractor> extractor : pipeline.features()) {
            Dataset before = state.data;
            FeatureTransform transform;
            Dataset after;
            try {
                transform = extractor.component().fit(before.partitionOnly(Partition.TRAIN));
                after = transform.apply(before);
            } catch (InvalidParamsException e) {
                // Params that only the data can show wrong (a column that is not there): name their place in the file.
                throw pipeline.config().document().error(extractor.spec().path().resolve(e.field()), e.problem());
            }
            StageChecks.sameRows(before, after, extractor);
            if (transform.state() == null) {
                throw new IllegalStateException(extractor.label() + " from plugin " + extractor.factory().pluginId()
                        + " broke its contract: a fitted transform's state may be empty but not null");
            }
            state.featureTransforms.add(transform);
            state.data = after;
            progress.note("features: " + extractor.label() + " gives " + after.schema().featureCount() + " features");
        }
    }
}
