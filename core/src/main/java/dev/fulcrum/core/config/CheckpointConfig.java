package dev.fulcrum.core.config;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.params.AtLeast;

/**
 * How a run checkpoints its training ({@code checkpoint:}), so that {@code fulcrum run --resume} can continue
 * it after a crash. Without the section a run checkpoints every epoch, at most once per 10 s, and at every
 * phase end, and removes its checkpoints when it ends. Bound like a component's params.
 */
public record CheckpointConfig(
        @Doc("write a checkpoint every this many epochs (and at the end of every phase); 0 writes none") @AtLeast(0) Integer every,
        @Doc("and at most one epoch checkpoint per this many wall seconds of training (phase ends are always saved); "
                + "0: every such epoch") @AtLeast(0) Double seconds,
        @Doc("keep the checkpoints after the run ends (they are removed by default)") Boolean keep) {

    /** What a run without {@code checkpoint:} does. */
    public static final CheckpointConfig DEFAULT = new CheckpointConfig(null, null, null);

    public CheckpointConfig {
        if (every == null) {
            every = 1;
        }
        if (seconds == null) {
            // Short epochs (a few hundred ms of fine-tuning) made a checkpoint per epoch cost 14 % of training on
            // examples/fashion-balance.yaml; at most one per 10 s bounds it, losing at most 10 s to a crash.
            seconds = 10.0;
        }
        if (keep == null) {
            keep = false;
        }
    }
}
