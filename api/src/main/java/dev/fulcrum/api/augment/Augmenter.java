package dev.fulcrum.api.augment;

import dev.fulcrum.api.Stable;

/**
 * Changes the training rows of one epoch; the host calls it once per epoch, before cutting the
 * rows into mini-batches, with a seed derived from the run's seed, the augmenter's place in the
 * pipeline and the epoch. Work on whole ND4J arrays, not row by row, and return new arrays: the
 * same rows come back every epoch, so the given ones must not be modified.
 */
@Stable
@FunctionalInterface
public interface Augmenter {
    Batch apply(Batch rows, long seed);
}
