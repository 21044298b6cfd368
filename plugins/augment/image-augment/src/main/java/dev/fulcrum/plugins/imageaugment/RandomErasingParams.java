package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

public record RandomErasingParams(
        @Doc("probability that an image gets a rectangle erased in an epoch") Double probability,
        @Doc("smallest share of the image a rectangle covers") Double minArea,
        @Doc("largest share of the image a rectangle covers") Double maxArea,
        @Doc("the rectangle's height / width ratio is drawn between min-aspect and 1 / min-aspect") Double minAspect,
        @Doc("the value erased pixels get; by default random values between the rows' smallest and largest feature") Double value) {

    public RandomErasingParams {
        probability = probability == null ? 0.5 : probability;
        minArea = minArea == null ? 0.02 : minArea;
        maxArea = maxArea == null ? 0.4 : maxArea;
        minAspect = minAspect == null ? 0.3 : minAspect;
        if (!(probability > 0 && probability <= 1)) {
            throw new InvalidParamsException("probability", "must be above 0 and at most 1, got " + probability);
        }
        if (!(minArea > 0 && minArea <= 1)) {
            throw new InvalidParamsException("min-area", "must be above 0 and at most 1, got " + minArea);
        }
        if (!(maxArea >= minArea && maxArea <= 1)) {
            throw new InvalidParamsException("max-area", "must be between min-area (" + minArea + ") and 1, got " + maxArea);
        }
        if (!(minAspect > 0 && minAspect <= 1)) {
            throw new InvalidParamsException("min-aspect", "must be above 0 and at most 1, got " + minAspect);
        }
        if (value != null && !Double.isFinite(value)) {
            throw new InvalidParamsException("value", "must be a finite number, got " + value);
        }
    }
}
