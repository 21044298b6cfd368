package dev.fulcrum.plugins.importanceweighting;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.Positive;

public record ImportanceWeightingParams(
        @Doc("inverse L2 strength of the logistic domain classifier, as scikit-learn's C") @Positive Double c,
        @Doc("largest weight, as a multiple of the mean weight before clipping: bounds the variance that a few "
                + "target-like source rows would otherwise bring") @AtLeast(1) Double clip,
        @Doc("gradient steps of the domain classifier") @AtLeast(1) Integer iterations) {

    public ImportanceWeightingParams {
        c = c == null ? 1.0 : c;
        clip = clip == null ? 10.0 : clip;
        iterations = iterations == null ? 300 : iterations;
    }
}
