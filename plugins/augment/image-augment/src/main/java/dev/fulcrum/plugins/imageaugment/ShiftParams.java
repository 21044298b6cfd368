package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

public record ShiftParams(
        @Doc("each image moves by a whole number of pixels drawn uniformly from -max-pixels..max-pixels, down and across")
        Integer maxPixels,
        @Doc("the value of uncovered pixels: 0 is black in raw pixels, but the mean after standardize") Double fill) {

    public ShiftParams {
        maxPixels = maxPixels == null ? 2 : maxPixels;
        fill = fill == null ? 0.0 : fill;
        if (maxPixels < 1) {
            throw new InvalidParamsException("max-pixels", "must be at least 1, got " + maxPixels);
        }
        if (!Double.isFinite(fill)) {
            throw new InvalidParamsException("fill", "must be a finite number, got " + fill);
        }
    }
}
