package dev.fulcrum.api.augment;

import dev.fulcrum.api.ComponentFactory;
import dev.fulcrum.api.Stable;

/** The {@code augment} family: data augmentation and synthesis on training rows. */
@Stable
public interface AugmenterFactory<P extends Record> extends ComponentFactory<P, Augmenter> {
}
