package dev.fulcrum.api.data;

import dev.fulcrum.api.Stable;

/**
 * Domain names with a meaning to the host. Rows of the {@code target} domain are what domain
 * adaptation adapts to: the host hides their labels from training and validation (but for the
 * fraction {@code split.target-labelled}) and reports test metrics per domain.
 */
@Stable
public final class Domains {

    /** The domain a source's rows belong to unless it says otherwise. */
    public static final String SOURCE = "source";

    /** The domain a model must adapt to. */
    public static final String TARGET = "target";

    private Domains() {
    }
}
