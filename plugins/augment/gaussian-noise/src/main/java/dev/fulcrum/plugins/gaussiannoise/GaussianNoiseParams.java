package dev.fulcrum.plugins.gaussiannoise;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.params.AtLeast;

public record GaussianNoiseParams(
        @Doc("standard deviation of the noise added to every feature, in the features' units (0.1 suits standardized features)")
        @AtLeast(0) Double std) {

    public GaussianNoiseParams {
        std = std == null ? 0.1 : std;
    }
}
