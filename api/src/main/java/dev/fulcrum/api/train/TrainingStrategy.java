package dev.fulcrum.api.train;

import dev.fulcrum.api.Stable;

/** Decides how a model is trained: which phases, in which order, with which layers learning. */
@Stable
@FunctionalInterface
public interface TrainingStrategy {
    void train(TrainingSession session);
}
