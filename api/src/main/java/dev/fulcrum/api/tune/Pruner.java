package dev.fulcrum.api.tune;

import dev.fulcrum.api.Experimental;

import java.util.List;

/**
 * Decides, after each epoch of a trial, whether to stop it. The host asks after it has stored the
 * epoch's validation metrics in {@code running}; the trial then ends as {@link TrialState#PRUNED}.
 * A pruner keeps no history of its own: it compares with the other trials' reports.
 */
@Experimental
public interface Pruner {

    /**
     * @param objectives the study's objectives; each trial's reports hold every objective's metric
     * @param running    the trial asking, with its reports up to {@link TrialRecord#lastStep()}
     * @param others     every other trial of the study, in any state, with their reports
     */
    boolean prune(List<Objective> objectives, TrialRecord running, List<TrialRecord> others);
}
