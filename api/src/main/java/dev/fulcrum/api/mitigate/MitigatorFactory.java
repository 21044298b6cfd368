package dev.fulcrum.api.mitigate;

import dev.fulcrum.api.ComponentFactory;
import dev.fulcrum.api.Experimental;

/** The {@code mitigate} family: bias mitigation before training (weights) and after it (decisions). */
@Experimental
public interface MitigatorFactory<P extends Record> extends ComponentFactory<P, Mitigator> {
}
