package dev.fulcrum.api.features;

import dev.fulcrum.api.Stable;
import dev.fulcrum.api.data.Dataset;

/**
 * Learns a transform of the feature columns from the training rows only; the host then applies it
 * to every split.
 */
@Stable
@FunctionalInterface
public interface FeatureExtractor {

    /** @param training the training rows; the extractor must not look at other rows */
    FeatureTransform fit(Dataset training);
}
