package dev.fulcrum.api.model;

import dev.fulcrum.api.Stable;

/** Builds and initialises a network for a spec. */
@Stable
@FunctionalInterface
public interface ModelArchitecture {
    TrainableModel build(ModelSpec spec);
}
