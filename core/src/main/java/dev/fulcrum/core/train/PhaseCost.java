package dev.fulcrum.core.train;

import dev.fulcrum.math.cost.LayerFlops;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one training phase cost.
 *
 * @param epochs              epochs it ran (0 where the budget ran out before it)
 * @param samples             samples fed to the network, over its epochs (a row counts once per epoch it is in)
 * @param fitSeconds          seconds spent fitting mini-batches (as {@code metrics.jsonl}'s {@code fit_seconds})
 * @param trainableParameters the parameters of the layers that learned (a rate above 0) in at least one of its epochs
 * @param forwardFlops        forward FLOPs of one sample through the network it trained
 * @param blasThreads         OpenBLAS' threads while it fitted mini-batches (after the measurement, where one ran)
 * @param blasThreadsMeasured with {@code -Dfulcrum.blas.threads=auto}, samples/s of fitting timed on each thread
 *                            count it chose between ({@code "1"}, {@code "2"}); empty where none was timed
 */
public record PhaseCost(String phase, int epochs, long samples, double fitSeconds, long trainableParameters,
                        long forwardFlops, int blasThreads, Map<String, Double> blasThreadsMeasured) {

    public PhaseCost {
        // by thread count, in order; null in checkpoints written before the measurement existed
        Map<String, Double> byCount = new TreeMap<>(Comparator.comparingInt(Integer::parseInt));
        if (blasThreadsMeasured != null) {
            byCount.putAll(blasThreadsMeasured);
        }
        blasThreadsMeasured = Collections.unmodifiableMap(byCount);
    }

    /** Forward and backward over the samples it fed: {@link LayerFlops#training}. */
    public double trainingFlops() {
        return LayerFlops.training(samples, forwardFlops);
    }

    /** Samples per second of fitting; NaN for a phase that ran no epoch. */
    public double samplesPerSecond() {
        return fitSeconds > 0 ? samples / fitSeconds : Double.NaN;
    }
}
