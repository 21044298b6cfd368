package dev.fulcrum.core.train;

import dev.fulcrum.math.cost.LayerFlops;

/**
 * What one training phase cost.
 *
 * @param epochs              epochs it ran (0 where the budget ran out before it)
 * @param samples             samples fed to the network, over its epochs (a row counts once per epoch it is in)
 * @param fitSeconds          seconds spent fitting mini-batches (as {@code metrics.jsonl}'s {@code fit_seconds})
 * @param trainableParameters the parameters of the layers that learned (a rate above 0) in at least one of its epochs
 * @param forwardFlops        forward FLOPs of one sample through the network it trained
 * @param blasThreads         OpenBLAS' threads while it fitted mini-batches
 */
public record PhaseCost(String phase, int epochs, long samples, double fitSeconds, long trainableParameters,
                        long forwardFlops, int blasThreads) {

    /** Forward and backward over the samples it fed: {@link LayerFlops#training}. */
    public double trainingFlops() {
        return LayerFlops.training(samples, forwardFlops);
    }

    /** Samples per second of fitting; NaN for a phase that ran no epoch. */
    public double samplesPerSecond() {
        return fitSeconds > 0 ? samples / fitSeconds : Double.NaN;
    }
}
