package dev.fulcrum.core.review;

import dev.fulcrum.api.data.Dataset;

import java.util.List;
import java.util.Optional;

/**
 * What a review chose: its rows in the order of their score (highest first), the rows they index (as their source
 * gave them, for thumbnails), a one-line summary, and the cross-fitting behind label issues.
 */
public record Review(ReviewQuery query, List<ReviewRow> rows, Dataset raw, String summary, Optional<CrossFitting.Result> crossFitting) {
}
