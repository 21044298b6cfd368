package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

public record CutMixParams(
        @Doc("the pasted box covers a share 1 - l of the image, l ~ Beta(alpha, alpha); 1 draws the share uniformly") Double alpha,
        @Doc("probability that an image gets a box pasted from another image in an epoch") Double probability) {

    public CutMixParams {
        alpha = alpha == null ? 1.0 : alpha;
        probability = probability == null ? 0.5 : probability;
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new InvalidParamsException("alpha", "must be a finite number > 0, got " + alpha);
        }
        if (!(probability > 0 && probability <= 1)) {
            throw new InvalidParamsException("probability", "must be above 0 and at most 1, got " + probability);
        }
    }
}
