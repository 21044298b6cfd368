package dev.fulcrum.api.data;

import dev.fulcrum.api.Stable;

import java.util.Objects;

/**
 * One feature column.
 *
 * @param name unique within a schema
 * @param origin where the column came from: the source column, or the extractor that made it
 *               (for example {@code "pca"} or {@code "standardize(age)"})
 */
@Stable
public record Feature(String name, String origin) {
    public Feature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
    }
}
