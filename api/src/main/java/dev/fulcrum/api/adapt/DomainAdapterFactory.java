package dev.fulcrum.api.adapt;

import dev.fulcrum.api.ComponentFactory;
import dev.fulcrum.api.Stable;

/** The {@code adapt} family: domain adaptation. */
@Stable
public interface DomainAdapterFactory<P extends Record> extends ComponentFactory<P, DomainAdapter> {
}
