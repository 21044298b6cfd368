package dev.fulcrum.core.train;

import dev.fulcrum.api.train.WeightAveraging;

import java.util.Map;

/**
 * What a phase's weight averaging did, for the summary: its settings, how many epochs (SWA) or
 * mini-batches (EMA) went into the average, and validation of every task (then metric) with the
 * weights the phase would have kept without averaging ({@code before}) and with the average, BatchNorm
 * statistics measured again ({@code after}).
 */
public record AveragingOutcome(String phase, WeightAveraging settings, int epochsAveraged, long iterationsAveraged,
                               Map<String, Map<String, Double>> before, Map<String, Map<String, Double>> after) {

    public AveragingOutcome {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }
}
