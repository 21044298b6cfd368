package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.Finite;

public record ShiftParams(
        @Doc("each image moves by a whole number of pixels drawn uniformly from -max-pixels..max-pixels, down and across")
        @AtLeast(1) Integer maxPixels,
        @Doc("the value of uncovered pixels: 0 is black in raw pixels, but the mean after standardize") @Finite Double fill) {

    public ShiftParams {
        maxPixels = maxPixels == null ? 2 : maxPixels;
        fill = fill == null ? 0.0 : fill;
    }
}
