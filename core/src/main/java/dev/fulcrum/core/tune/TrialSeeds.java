package dev.fulcrum.core.tune;

import dev.fulcrum.core.run.Seeds;

/** Each trial's seed for its sampler's draws, from the study's seed and the trial's number. */
final class TrialSeeds {

    private TrialSeeds() {
    }

    static long of(long studySeed, int trial) {
        return Seeds.derive(studySeed, "trial/" + trial);
    }
}
