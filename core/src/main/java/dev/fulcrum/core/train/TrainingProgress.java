package dev.fulcrum.core.train;

import java.util.Map;

/** Where the trainer reports what it is doing, for a person watching. */
public interface TrainingProgress {

    /** Reports nothing: for sessions nobody watches. */
    TrainingProgress SILENT = new TrainingProgress() {
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

    void phaseStarted(String phase, int epochs, int rows, int batchesPerEpoch);

    void batchDone(String phase, int epoch, int batch, int batches);

    void epochDone(EpochReport report);

    /**
     * One finished epoch.
     *
     * @param validation validation metrics per task, then per metric
     * @param etaSeconds the estimated time left in the phase, if it runs all its epochs
     */
    record EpochReport(String phase, int epoch, int epochs, double trainLoss, Map<String, Map<String, Double>> validation,
                       double seconds, double etaSeconds) {
    }
}
