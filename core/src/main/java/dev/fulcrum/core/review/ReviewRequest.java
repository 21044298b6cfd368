package dev.fulcrum.core.review;

import dev.fulcrum.math.labels.Uncertainty;

/**
 * What {@code fulcrum review} was asked.
 *
 * @param top at most this many rows; {@code null}: every flagged row for label issues, {@link #DEFAULT_TOP} otherwise
 * @param seed the folds', k-means' and the random sample's seed
 */
public record ReviewRequest(String task, Integer top, ReviewQuery query, int folds, Uncertainty measure, boolean diverse, long seed) {

    public static final int DEFAULT_TOP = 20;

    int topOrDefault() {
        return top == null ? DEFAULT_TOP : top;
    }
}
