package dev.fulcrum.plugins.importanceweighting;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

public record ImportanceWeightingParams(
        @Doc("inverse L2 strength of the logistic domain classifier, as scikit-learn's C") Double c,
        @Doc("largest weight, as a multiple of the mean weight before clipping: bounds the variance that a few "
                + "target-like source rows would otherwise bring") Double clip,
        @Doc("gradient steps of the domain classifier") Integer iterations) {

    public ImportanceWeightingParams {
        c = c == null ? 1.0 : c;
        clip = clip == null ? 10.0 : clip;
        iterations = iterations == null ? 300 : iterations;
        if (!(c > 0) || c.isInfinite()) {
            throw new InvalidParamsException("c", "must be a positive number, got " + c);
        }
        if (!(clip >= 1) || clip.isInfinite()) {
            throw new InvalidParamsException("clip", "must be a number >= 1, got " + clip);
        }
        if (iterations < 1) {
            throw new InvalidParamsException("iterations", "must be at least 1, got " + iterations);
        }
    }
}
