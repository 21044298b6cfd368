package dev.fulcrum.api.tune;

import dev.fulcrum.api.Experimental;

import java.util.List;
import java.util.Map;

/**
 * Proposes the next trial's values. A sampler keeps no history of its own: it reads the trials so
 * far, so that any worker can carry a study on, and it takes its randomness from the trial's seed,
 * so that a study run again in one worker draws the same values.
 */
@Experimental
public interface Sampler {

    /**
     * Values for every active parameter of {@code space} (and none for an inactive one), such that
     * {@link SearchSpace#admits} holds. The same arguments always give the same values.
     *
     * @param objectives the study's objectives, in their order
     * @param trials     every trial of the study so far, in number order, in any state: running and
     *                   waiting ones too, so that parallel workers need not draw the same point
     * @param trialSeed  the seed of the trial being drawn, derived from the study's seed and its number
     */
    Map<String, Object> suggest(SearchSpace space, List<Objective> objectives, List<TrialRecord> trials, long trialSeed);
}
