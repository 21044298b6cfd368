package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.tune.TrialRecord;

/**
 * A member of NSGA-II's parent population with what the crowded-comparison operator compares:
 * its front ({@code 0} non-dominated) and its crowding distance within that front.
 */
record RankedTrial(TrialRecord trial, int rank, double crowding) {

    /** Deb et al. (2002), III-C: the lower front wins, and within a front the lonelier point. */
    boolean beats(RankedTrial other) {
        return rank < other.rank || rank == other.rank && crowding > other.crowding;
    }
}
