package dev.fulcrum.core.tune;

import dev.fulcrum.runtime.Seeds;

/**
 * Each trial's seed for its sampler's draws, from the study's seed and the trial's number: the one
 * rule, which sampler tests and benchmarks call to draw as {@code fulcrum tune} does.
 */
public final class TrialSeeds {

    private TrialSeeds() {
    }

    public static long of(long studySeed, int trial) {
        return Seeds.derive(studySeed, "trial/" + trial);
    }
}
