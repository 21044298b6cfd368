package dev.fulcrum.core.pipeline;

import dev.fulcrum.core.config.ComponentSpec;
import dev.fulcrum.core.host.FactoryCatalog;

/**
 * A component made from the config: where it was configured, the factory that made it, its bound
 * params (defaults filled in) and the component itself.
 */
public record Resolved<T>(ComponentSpec spec, FactoryCatalog.Entry factory, Record params, T component) {

    /** How the component is named in messages and records, e.g. {@code adapt[0] (coral)}. */
    public String label() {
        return spec.path() + " (" + spec.type() + ")";
    }
}
