package dev.fulcrum.plugins.mixup;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

public record MixupParams(
        @Doc("each row keeps a share Beta(alpha, alpha) of itself; small alpha (0.1-0.4) mixes gently, 1 mixes uniformly")
        Double alpha) {

    public MixupParams {
        alpha = alpha == null ? 0.2 : alpha;
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new InvalidParamsException("alpha", "must be a finite number > 0, got " + alpha);
        }
    }
}
