package dev.fulcrum.core.review;

import dev.fulcrum.api.data.Dataset;

import java.util.List;
import java.util.Optional;

/**
 * What a review chose: its rows in the order of their score (highest first), the rows they index (as their source
 * gave them, for thumbnails), a one-line summary, and the cross-fitting behind label issues.
 *
 * @param candidates how many rows it chose from
 * @param flagged for label issues, how many rows prune by noise rate flagged (before {@code --top}); else {@code null}
 * @param noiseRate for label issues, the estimated share of wrong labels; else {@code null}
 */
public record Review(ReviewRequest request, List<ReviewRow> rows, Dataset raw, int candidates, Integer flagged, Double noiseRate,
                     String summary, double seconds, Optional<CrossFitting.Result> crossFitting) {

    public ReviewQuery query() {
        return request.query();
    }
}
