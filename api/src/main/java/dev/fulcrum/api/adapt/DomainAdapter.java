package dev.fulcrum.api.adapt;

import dev.fulcrum.api.Stable;
import dev.fulcrum.api.data.Dataset;

/**
 * Makes source-domain rows more like the target domain, or weights them. It receives every row of
 * every partition, with domain ids; it may learn only from training rows of the source and from
 * target rows' features (never from target labels), and returns the same rows in the same order,
 * with new features or new weights.
 */
@Stable
@FunctionalInterface
public interface DomainAdapter {
    Dataset adapt(Dataset data);
}
