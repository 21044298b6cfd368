package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import jakarta.inject.Inject;

/** Assigns every row to train, validation or test. */
final class SplitStage implements PipelineStage {

    private final ResolvedPipeline pipeline;
    private final RunContext context;
    private final RunProgress progress;

    @Inject
    SplitStage(ResolvedPipeline pipeline, RunContext context, RunProgress progress) {
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
        Dataset data = Splitter.split(state.data, pipeline.split(), context.seedFor("split"));
        state.data = data;
        progress.note("split: train " + data.rowsIn(Partition.TRAIN).length + ", validation "
                + data.rowsIn(Partition.VALIDATION).length + ", test " + data.rowsIn(Partition.TEST).length + " rows");
    }
}
