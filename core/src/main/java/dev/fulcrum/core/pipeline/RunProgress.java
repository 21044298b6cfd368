package dev.fulcrum.core.pipeline;

import dev.fulcrum.core.train.TrainingProgress;

/** Progress of a whole run: stage notes as well as training. */
public interface RunProgress extends TrainingProgress {

    /** A line about the run, e.g. what a stage did. */
    void note(String line);
}
