package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

public record RotateParams(
        @Doc("each image turns about its centre by a whole number of degrees drawn uniformly from -max-degrees..max-degrees "
                + "(bilinear interpolation; uncovered corners become 0)") Integer maxDegrees) {

    public RotateParams {
        maxDegrees = maxDegrees == null ? 10 : maxDegrees;
        if (maxDegrees < 1 || maxDegrees > 180) {
            throw new InvalidParamsException("max-degrees", "must be between 1 and 180, got " + maxDegrees);
        }
    }
}
