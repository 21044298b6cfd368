package dev.fulcrum.api.train;

import dev.fulcrum.api.Stable;

import java.util.Map;

/**
 * Learning-rate multipliers per layer for one epoch of a phase: 0 freezes a layer, 1 (the value for
 * any layer left out) trains it at the phase's rate. The trainer asks at the start of every epoch,
 * so a schedule is a function of the epoch alone and is right after a resume. A layer name the model
 * does not have is an error.
 */
@Stable
@FunctionalInterface
public interface LayerRates {

    /** Every layer at the phase's rate. */
    LayerRates UNIFORM = epoch -> Map.of();

    /** @param epoch the epoch within the phase, from 0 */
    Map<String, Double> at(int epoch);
}
