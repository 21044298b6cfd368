package dev.fulcrum.core.config;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.Positive;

/**
 * What a run may spend on training ({@code budget:}); any subset of the three, each {@code null} where
 * unlimited. Training stops at the end of the epoch in which one ran out. Bound like a component's params.
 */
public record BudgetConfig(
        @Doc("wall seconds of training (every phase's epochs, validation included)") @Positive Double seconds,
        @Doc("training samples fed to the network, over every phase and epoch") @AtLeast(1) Long samples,
        @Doc("training FLOPs: forward and backward, 3 x the forward FLOPs per sample x the samples") @Positive Double flops) {

    public BudgetConfig {
        if (seconds == null && samples == null && flops == null) {
            throw new InvalidParamsException("seconds", "a budget gives seconds, samples or flops (any of them); this one gives none");
        }
    }

    /** The first limit that what was spent reached, in the order samples, flops, seconds; empty while none is. */
    public java.util.Optional<String> reached(long spentSamples, double spentFlops, double spentSeconds) {
        return java.util.Optional.ofNullable(samples != null && spentSamples >= samples ? "samples"
                : flops != null && spentFlops >= flops ? "flops"
                : seconds != null && spentSeconds >= seconds ? "seconds" : null);
    }
}
