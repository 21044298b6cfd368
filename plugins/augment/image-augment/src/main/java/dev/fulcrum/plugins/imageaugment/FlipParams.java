package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.params.Range;

public record FlipParams(
        @Doc("probability that an image is mirrored left to right") @Range("[0, 1]") Double horizontal,
        @Doc("probability that an image is mirrored top to bottom (0 for most photos and clothes)") @Range("[0, 1]") Double vertical) {

    public FlipParams {
        horizontal = horizontal == null ? 0.5 : horizontal;
        vertical = vertical == null ? 0.0 : vertical;
        if (horizontal == 0 && vertical == 0) {
            throw new InvalidParamsException("horizontal", "horizontal and vertical are both 0, so flip would do nothing");
        }
    }
}
