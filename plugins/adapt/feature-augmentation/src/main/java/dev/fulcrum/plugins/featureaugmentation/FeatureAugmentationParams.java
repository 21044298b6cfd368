package dev.fulcrum.plugins.featureaugmentation;

/** The method has no knobs: Daume's augmentation is fixed. */
public record FeatureAugmentationParams() {
}
