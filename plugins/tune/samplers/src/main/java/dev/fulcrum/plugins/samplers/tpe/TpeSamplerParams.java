package dev.fulcrum.plugins.samplers.tpe;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.Positive;

/** The settings of the {@code tpe} sampler; every default is Optuna 3.1's {@code TPESampler} default, except {@code multivariate}. */
public record TpeSamplerParams(
        @Doc("trials are drawn at random (from each trial's seed) until this many have completed or been pruned; TPE models the history after")
        @AtLeast(0) Integer startupTrials,
        @Doc("points drawn from the good trials' density; the one where good density over bad density is highest wins")
        @AtLeast(1) Integer candidates,
        @Doc("weight of the prior component (a kernel as wide as the range, or a uniform choice) against each trial's weight of at most 1")
        @Positive Double priorWeight,
        @Doc("keep every kernel at least range / min(100, trials + 1) wide")
        Boolean considerMagicClip,
        @Doc("without multivariate, count the ends of a range as neighbours when setting the outer kernels' widths")
        Boolean considerEndpoints,
        @Doc("one joint density over the parameters that are active together (Optuna's multivariate and group), rather than one per parameter")
        Boolean multivariate,
        @Doc("count running trials as bad ones at their params, so that parallel workers do not draw the same point (nothing changes while none runs)")
        Boolean constantLiar) {

    public TpeSamplerParams {
        startupTrials = startupTrials == null ? 10 : startupTrials;
        candidates = candidates == null ? 24 : candidates;
        priorWeight = priorWeight == null ? 1.0 : priorWeight;
        considerMagicClip = considerMagicClip == null || considerMagicClip;
        considerEndpoints = considerEndpoints != null && considerEndpoints;
        multivariate = multivariate == null || multivariate;
        constantLiar = constantLiar == null || constantLiar;
    }
}
