package dev.fulcrum.core.pipeline;

import dev.fulcrum.core.config.CheckpointConfig;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.core.train.Checkpoints;

/**
 * Whether a run checkpoints its training and whether it resumes an interrupted process of itself. Study
 * trials and cross-fitting folds write none: a study re-runs a lost trial, and a fold's folder is thrown away.
 */
record CheckpointPolicy(CheckpointConfig settings, boolean enabled, boolean resume) {

    static final CheckpointPolicy OFF = new CheckpointPolicy(CheckpointConfig.DEFAULT, false, false);

    static CheckpointPolicy of(CheckpointConfig settings, boolean resume) {
        return new CheckpointPolicy(settings, settings.every() > 0, resume);
    }

    /** The checkpoints of a training session whose files go in {@code folder}. */
    Checkpoints forSession(RunFolder folder) {
        return enabled ? Checkpoints.in(folder, settings.every(), settings.seconds(), resume) : Checkpoints.none();
    }
}
