package dev.fulcrum.api.features;

import dev.fulcrum.api.Stable;
import dev.fulcrum.api.data.Dataset;

/** A fitted feature transform: same rows in, new feature columns out. */
@Stable
@FunctionalInterface
public interface FeatureTransform {
    Dataset apply(Dataset data);
}
