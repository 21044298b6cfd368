package dev.fulcrum.api.features;

import dev.fulcrum.api.ComponentFactory;
import dev.fulcrum.api.Stable;

/** The {@code features} family: task-agnostic and task-specific feature extraction. */
@Stable
public interface FeatureExtractorFactory<P extends Record> extends ComponentFactory<P, FeatureExtractor> {
}
