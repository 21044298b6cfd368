package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.params.Positive;
import dev.fulcrum.api.params.Range;

public record CutMixParams(
        @Doc("the pasted box covers a share 1 - l of the image, l ~ Beta(alpha, alpha); 1 draws the share uniformly") @Positive Double alpha,
        @Doc("probability that an image gets a box pasted from another image in an epoch") @Range("(0, 1]") Double probability) {

    public CutMixParams {
        alpha = alpha == null ? 1.0 : alpha;
        probability = probability == null ? 0.5 : probability;
    }
}
