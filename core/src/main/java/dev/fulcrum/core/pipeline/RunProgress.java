package dev.fulcrum.core.pipeline;

import dev.fulcrum.core.train.TrainingProgress;

/** Progress of a whole run: stage notes as well as training. */
public interface RunProgress extends TrainingProgress {

    /** Reports nothing: for runs nobody watches (the cross-fitting runs of {@code fulcrum review}). */
    RunProgress SILENT = new RunProgress() {
        @Override
        public void note(String line) {
        }

        @Override
        public void phaseStarted(String phase, int epochs, int rows, int batchesPerEpoch) {
        }

        @Override
        public void batchDone(String phase, int epoch, int batch, int batches) {
        }

        @Override
        public void epochDone(EpochReport report) {
        }
    };

    /** A line about the run, e.g. what a stage did. */
    void note(String line);
}
