package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

public record ShiftParams(
        @Doc("each image moves by a whole number of pixels drawn uniformly from -max-pixels..max-pixels, down and across; "
                + "uncovered pixels become 0") Integer maxPixels) {

    public ShiftParams {
        maxPixels = maxPixels == null ? 2 : maxPixels;
        if (maxPixels < 1) {
            throw new InvalidParamsException("max-pixels", "must be at least 1, got " + maxPixels);
        }
    }
}
