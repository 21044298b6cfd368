package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

public record FlipParams(
        @Doc("probability that an image is mirrored left to right") Double horizontal,
        @Doc("probability that an image is mirrored top to bottom (0 for most photos and clothes)") Double vertical) {

    public FlipParams {
        horizontal = horizontal == null ? 0.5 : horizontal;
        vertical = vertical == null ? 0.0 : vertical;
        requireProbability("horizontal", horizontal);
        requireProbability("vertical", vertical);
        if (horizontal == 0 && vertical == 0) {
            throw new InvalidParamsException("horizontal", "horizontal and vertical are both 0, so flip would do nothing");
        }
    }

    private static void requireProbability(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new InvalidParamsException(field, "must be a probability between 0 and 1, got " + value);
        }
    }
}
