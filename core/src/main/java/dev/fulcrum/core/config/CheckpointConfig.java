package dev.fulcrum.core.config;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.params.AtLeast;

/**
 * How a run checkpoints its training ({@code checkpoint:}), so that {@code fulcrum run --resume} can continue
 * it after a crash. Without the section a run checkpoints every epoch and removes its checkpoints when it
 * ends. Bound like a component's params.
 */
public record CheckpointConfig(
        @Doc("write a checkpoint every this many epochs (and at the end of every phase); 0 writes none") @AtLeast(0) Integer every,
        @Doc("keep the checkpoints after the run ends (they are removed by default)") Boolean keep) {

    /** What a run without {@code checkpoint:} does. */
    public static final CheckpointConfig DEFAULT = new CheckpointConfig(null, null);

    public CheckpointConfig {
        if (every == null) {
            every = 1;
        }
        if (keep == null) {
            keep = false;
        }
    }
}
