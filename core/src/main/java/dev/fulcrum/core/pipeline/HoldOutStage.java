package dev.fulcrum.core.pipeline;

import jakarta.inject.Inject;

/**
 * Drops the training rows a run holds out ({@link HeldOutRows}: one fold of {@code fulcrum review}'s cross-fitting),
 * once the rows are split and corrected, so that every other row is split as the run being reviewed split it. Only a
 * run that holds rows out has this stage.
 */
final class HoldOutStage implements PipelineStage {

    private final HeldOutRows heldOut;
    private final RunProgress progress;

    @Inject
    HoldOutStage(HeldOutRows heldOut, RunProgress progress) {
        this.heldOut = heldOut;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "hold-out";
    }

    @Override
    public void run(PipelineState state) {
        int before = state.data.rows();
        state.data = heldOut.apply(state.data);
        progress.note("hold-out: " + (before - state.data.rows()) + " training rows left out");
    }
}
