package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.params.Finite;
import dev.fulcrum.api.params.Range;

public record RotateParams(
        @Doc("each image turns about its centre by a whole number of degrees drawn uniformly from -max-degrees..max-degrees "
                + "(bilinear interpolation)") @Range("[1, 180]") Integer maxDegrees,
        @Doc("the value of uncovered corners: 0 is black in raw pixels, but the mean after standardize") @Finite Double fill) {

    public RotateParams {
        maxDegrees = maxDegrees == null ? 10 : maxDegrees;
        fill = fill == null ? 0.0 : fill;
    }
}
