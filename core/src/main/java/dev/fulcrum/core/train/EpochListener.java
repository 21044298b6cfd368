package dev.fulcrum.core.train;

import java.util.Map;
import java.util.Optional;

/**
 * Told by the host's training loop after each epoch's validation, where it checks early stopping. A
 * study's trial reports the metrics and what it has spent to its study here, asks its pruner, and
 * checks the study's budget; strategies never see it.
 */
public interface EpochListener {

    /** A plain run's: hears nothing. */
    EpochListener NONE = (epoch, validation, spent) -> Optional.empty();

    /**
     * @param epoch      the run's epoch, counted across phases from 1
     * @param validation the validation metrics per task, then per metric
     * @param spent      what the run's training has spent, this epoch included
     * @return a limit beyond the run's that ran out ({@code study.samples}), which ends training after
     *         this epoch as the run's own budget would; empty to go on
     * @throws TrialPruned to end the run here, as a pruned trial
     */
    Optional<String> epochDone(int epoch, Map<String, Map<String, Double>> validation, TrainingBudget.Spent spent);
}
