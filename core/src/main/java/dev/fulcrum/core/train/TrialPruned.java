package dev.fulcrum.core.train;

/**
 * Ends a trial of a study that its pruner stopped after an epoch (Optuna's {@code TrialPruned}): the
 * run ends as {@code pruned}, its folder kept without a model.
 */
public final class TrialPruned extends RuntimeException {

    private final int epoch;

    public TrialPruned(int epoch) {
        super("pruned after epoch " + epoch, null, false, false);
        this.epoch = epoch;
    }

    /** The last epoch the trial ran, counted across phases from 1. */
    public int epoch() {
        return epoch;
    }
}
