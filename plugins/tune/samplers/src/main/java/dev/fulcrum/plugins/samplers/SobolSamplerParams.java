package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.params.AtLeast;

public record SobolSamplerParams(
        @Doc("shift every point by one random vector modulo 1 (Cranley-Patterson), drawn from the study's seed; false: the plain sequence, whose first point is all lows") Boolean scramble,
        @Doc("points of the sequence to leave out before the first trial") @AtLeast(0) Integer skip) {

    public SobolSamplerParams {
        scramble = scramble == null ? Boolean.TRUE : scramble;
        // Optuna's QMCSampler skips none either; a shift moves the all-zero first point anyway.
        skip = skip == null ? 0 : skip;
    }
}
