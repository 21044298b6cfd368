package dev.fulcrum.core.tune;

/** Which trials keep their {@code model.zip}. */
public enum KeepModels {
    /** The trials on the Pareto front; a trial's model is deleted when it falls off the front. */
    FRONT,
    ALL
}
