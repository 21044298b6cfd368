package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.params.Finite;
import dev.fulcrum.api.params.Range;

public record RandomErasingParams(
        @Doc("probability that an image gets a rectangle erased in an epoch") @Range("(0, 1]") Double probability,
        @Doc("smallest share of the image a rectangle covers") @Range("(0, 1]") Double minArea,
        @Doc("largest share of the image a rectangle covers") Double maxArea,
        @Doc("the rectangle's height / width ratio is drawn between min-aspect and 1 / min-aspect") @Range("(0, 1]") Double minAspect,
        @Doc("the value erased pixels get; by default random values between the rows' smallest and largest feature") @Finite Double value) {

    public RandomErasingParams {
        probability = probability == null ? 0.5 : probability;
        minArea = minArea == null ? 0.02 : minArea;
        maxArea = maxArea == null ? 0.4 : maxArea;
        minAspect = minAspect == null ? 0.3 : minAspect;
        // a min-area above 1 is left to its @Range, so that it is the field named
        if (minArea <= 1 && !(maxArea >= minArea && maxArea <= 1)) {
            throw new InvalidParamsException("max-area", "must be between min-area (" + minArea + ") and 1, got " + maxArea);
        }
    }
}
