package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

public record RotateParams(
        @Doc("each image turns about its centre by a whole number of degrees drawn uniformly from -max-degrees..max-degrees "
                + "(bilinear interpolation)") Integer maxDegrees,
        @Doc("the value of uncovered corners: 0 is black in raw pixels, but the mean after standardize") Double fill) {

    public RotateParams {
        maxDegrees = maxDegrees == null ? 10 : maxDegrees;
        fill = fill == null ? 0.0 : fill;
        if (maxDegrees < 1 || maxDegrees > 180) {
            throw new InvalidParamsException("max-degrees", "must be between 1 and 180, got " + maxDegrees);
        }
        if (!Double.isFinite(fill)) {
            throw new InvalidParamsException("fill", "must be a finite number, got " + fill);
        }
    }
}
