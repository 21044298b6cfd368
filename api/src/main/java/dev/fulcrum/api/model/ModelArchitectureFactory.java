package dev.fulcrum.api.model;

import dev.fulcrum.api.ComponentFactory;
import dev.fulcrum.api.Stable;

/** The {@code model} family: network architectures. */
@Stable
public interface ModelArchitectureFactory<P extends Record> extends ComponentFactory<P, ModelArchitecture> {
}
