package dev.fulcrum.plugins.gaussiannoise;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

public record GaussianNoiseParams(
        @Doc("standard deviation of the noise added to every feature, in the features' units (0.1 suits standardized features)")
        Double std) {

    public GaussianNoiseParams {
        std = std == null ? 0.1 : std;
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new InvalidParamsException("std", "must be a finite number >= 0, got " + std);
        }
    }
}
