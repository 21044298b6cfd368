package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.adapt.DomainAdapter;
import dev.fulcrum.api.data.Dataset;
import jakarta.inject.Inject;

/** Applies each domain adapter in order. */
final class AdaptStage implements PipelineStage {

    private final ResolvedPipeline pipeline;
    private final RunProgress progress;

    @Inject
    AdaptStage(ResolvedPipeline pipeline, RunProgress progress) {
        this.pipeline = pipeline;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "adapt";
    }

    @Override
    public void run(PipelineState state) {
        for (Resolved<DomainAdapter> adapter : pipeline.adapt()) {
            Dataset before = state.data;
            Dataset after = adapter.component().adapt(before);
            StageChecks.sameRows(before, after, adapter);
            state.data = after;
            progress.note("adapt: " + adapter.label() + " applied");
        }
    }
}
