package dev.fulcrum.api.tune;

import dev.fulcrum.api.ComponentFactory;
import dev.fulcrum.api.Experimental;

/** The {@code pruner} family: {@code tune.pruner.type} in the pipeline YAML. */
@Experimental
public interface PrunerFactory<P extends Record> extends ComponentFactory<P, Pruner> {
}
