package dev.fulcrum.api.train;

import dev.fulcrum.api.ComponentFactory;
import dev.fulcrum.api.Stable;

/** The {@code strategy} family: how general and specific training are balanced. */
@Stable
public interface TrainingStrategyFactory<P extends Record> extends ComponentFactory<P, TrainingStrategy> {
}
