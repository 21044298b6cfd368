package dev.fulcrum.api.data;

import dev.fulcrum.api.Stable;

import java.util.List;
import java.util.Objects;

/**
 * One feature column.
 *
 * @param name       unique within a schema
 * @param origin     where the column came from: the source column, or the extractor that made it
 *                   (for example {@code "pca"} or {@code "standardize(age)"})
 * @param categories for a categorical column, the category names: the column holds the index of
 *                   each row's category in this list; empty for a numeric column
 */
@Stable
public record Feature(String name, String origin, List<String> categories) {
    public Feature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        categories = List.copyOf(categories);
    }

    /** A numeric column. */
    public Feature(String name, String origin) {
        this(name, origin, List.of());
    }

    public boolean isCategorical() {
        return !categories.isEmpty();
    }
}
