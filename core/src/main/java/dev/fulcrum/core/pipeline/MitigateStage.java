package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.mitigate.PreTrainingMitigator;
import jakarta.inject.Inject;

/** Pre-training mitigation: each mitigator, in order, reweighs the rows before the model is built. */
final class MitigateStage implements PipelineStage {

    private final ResolvedPipeline pipeline;
    private final RunProgress progress;

    @Inject
    MitigateStage(ResolvedPipeline pipeline, RunProgress progress) {
        this.pipeline = pipeline;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "mitigate";
    }

    @Override
    public void run(PipelineState state) {
        for (Resolved<PreTrainingMitigator> mitigator : pipeline.preTraining()) {
            Dataset before = state.data;
            PreTrainingMitigator.Mitigated result = mitigator.component().apply(before);
            Dataset after = result == null ? null : result.data();
            StageChecks.sameRows(before, after, mitigator);
            StageChecks.onlyWeightsChanged(before, after, mitigator);
            state.data = after;
            state.mitigations.put(mitigator.spec().path().toString(), result.report());
            progress.note("mitigate: " + mitigator.label() + " reweighed the training rows");
        }
    }
}
