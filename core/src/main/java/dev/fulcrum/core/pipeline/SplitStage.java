package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import jakarta.inject.Inject;

/** Assigns every row to train, validation or test, then drops the training rows the run holds out (usually none). */
final class SplitStage implements PipelineStage {

    private final ResolvedPipeline pipeline;
    private final RunContext context;
    private final RunProgress progress;
    private final HeldOutRows heldOut;

    @Inject
    SplitStage(ResolvedPipeline pipeline, RunContext context, RunProgress progress, HeldOutRows heldOut) {
        this.heldOut = heldOut;
        this.pipeline = pipeline;
        this.context = context;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "split";
    }

    @Override
    public void run(PipelineState state) {
        Dataset data = heldOut.apply(Splitter.split(state.data, pipeline.split(), context.seedFor("split")));
        state.data = data;
        progress.note("split: train " + data.rowsIn(Partition.TRAIN).length + ", validation "
                + data.rowsIn(Partition.VALIDATION).length + ", test " + data.rowsIn(Partition.TEST).length + " rows");
    }
}
