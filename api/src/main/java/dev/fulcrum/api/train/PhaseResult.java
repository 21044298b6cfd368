package dev.fulcrum.api.train;

import dev.fulcrum.api.Stable;

/**
 * How a phase went.
 *
 * @param bestEpoch    the epoch (from 1) whose weights the model keeps; the last one without early stopping
 * @param bestValue    the early-stopping metric at that epoch, or NaN without early stopping
 */
@Stable
public record PhaseResult(String phase, int epochsRun, int bestEpoch, double bestValue, boolean stoppedEarly, double seconds) {
}
