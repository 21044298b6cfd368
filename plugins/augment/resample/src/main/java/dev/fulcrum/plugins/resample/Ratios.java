package dev.fulcrum.plugins.resample;

import dev.fulcrum.api.InvalidParamsException;

/** The check both resamplers make of their {@code ratio}. */
final class Ratios {

    private Ratios() {
    }

    static void require(double ratio) {
        if (!(ratio > 0 && ratio <= 1)) {
            throw new InvalidParamsException("ratio", "must be above 0 and at most 1, got " + ratio);
        }
    }
}
