package dev.fulcrum.plugins.mixup;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.params.Positive;

public record MixupParams(
        @Doc("each row keeps a share Beta(alpha, alpha) of itself; small alpha (0.1-0.4) mixes gently, 1 mixes uniformly")
        @Positive Double alpha) {

    public MixupParams {
        alpha = alpha == null ? 0.2 : alpha;
    }
}
