package dev.fulcrum.core.train;

import java.util.Map;

/**
 * Told by the host's training loop after each epoch's validation, where it checks early stopping. A
 * study's trial reports the metrics to its study here and asks its pruner; strategies never see it.
 */
public interface EpochListener {

    /** A plain run's: hears nothing. */
    EpochListener NONE = (epoch, validation) -> { };

    /**
     * @param epoch      the run's epoch, counted across phases from 1
     * @param validation the validation metrics per task, then per metric
     * @throws TrialPruned to end the run here, as a pruned trial
     */
    void epochDone(int epoch, Map<String, Map<String, Double>> validation);
}
