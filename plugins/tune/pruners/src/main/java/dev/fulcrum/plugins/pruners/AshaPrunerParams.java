package dev.fulcrum.plugins.pruners;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.NotBlank;

/**
 * Settings of ASHA, named as in Li et al. 2020 and Optuna's {@code SuccessiveHalvingPruner}:
 * rung {@code k} is at epoch {@code min-resource * reduction-factor ^ (min-early-stopping-rate + k)}.
 */
public record AshaPrunerParams(
        @Doc("epochs before the first rung when min-early-stopping-rate is 0") @AtLeast(1) Integer minResource,
        @Doc("each rung is this many times further than the one before, and promotes the best 1 / reduction-factor of the trials that reached it")
        @AtLeast(2) Integer reductionFactor,
        @Doc("skips this many rungs: the first is at min-resource * reduction-factor ^ min-early-stopping-rate epochs")
        @AtLeast(0) Integer minEarlyStoppingRate,
        @Doc("the metric of the one objective to rank by (as validation.specific.accuracy); by default every objective, "
                + "ranked into non-dominated fronts")
        @NotBlank String primary) {

    public AshaPrunerParams {
        minResource = minResource == null ? 1 : minResource;
        reductionFactor = reductionFactor == null ? 3 : reductionFactor;
        minEarlyStoppingRate = minEarlyStoppingRate == null ? 0 : minEarlyStoppingRate;
        // values the constraints reject are left to them, so that the field at fault is the one named
        if (minResource >= 1 && reductionFactor >= 2 && minEarlyStoppingRate >= 0 && firstRung(minResource, reductionFactor, minEarlyStoppingRate) < 0) {
            throw new InvalidParamsException("min-early-stopping-rate", "puts the first rung, min-resource * reduction-factor ^ "
                    + "min-early-stopping-rate = " + minResource + " * " + reductionFactor + " ^ " + minEarlyStoppingRate
                    + ", beyond " + Integer.MAX_VALUE + " epochs");
        }
    }

    /** The epoch of the first rung. */
    int firstRung() {
        return firstRung(minResource, reductionFactor, minEarlyStoppingRate);
    }

    /** The epoch of the first rung, or -1 when it is beyond any epoch a run counts. */
    private static int firstRung(int minResource, int reductionFactor, int rate) {
        long rung = minResource;
        for (int k = 0; k < rate; k++) {
            rung *= reductionFactor;
            if (rung > Integer.MAX_VALUE) {
                return -1;
            }
        }
        return (int) rung;
    }
}
