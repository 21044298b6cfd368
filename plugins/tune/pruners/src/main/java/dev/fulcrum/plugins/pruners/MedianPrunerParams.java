package dev.fulcrum.plugins.pruners;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.NotBlank;

/** Settings of the median pruner; defaults as Optuna's {@code MedianPruner}. */
public record MedianPrunerParams(
        @Doc("no trial is pruned until this many trials have completed") @AtLeast(0) Integer startupTrials,
        @Doc("no trial is pruned during its first warmup-steps epochs: the first check is after epoch warmup-steps + 1")
        @AtLeast(0) Integer warmupSteps,
        @Doc("epochs between checks, counted from the first check; a check at an epoch without a report waits for the next report")
        @AtLeast(1) Integer intervalSteps,
        @Doc("the metric of the one objective to judge by (as validation.specific.accuracy); by default every objective, "
                + "and a trial is pruned when the point of the per-objective medians dominates it")
        @NotBlank String primary) {

    public MedianPrunerParams {
        startupTrials = startupTrials == null ? 5 : startupTrials;
        warmupSteps = warmupSteps == null ? 0 : warmupSteps;
        intervalSteps = intervalSteps == null ? 1 : intervalSteps;
    }
}
