package com.example.fulcrum.dropout;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

/** Params of the augmenter, bound from YAML: {@code {type: feature-dropout, rate: 0.1}}. */
public record FeatureDropoutParams(@Doc("fraction of feature values set to zero in each epoch") Double rate) {

    public FeatureDropoutParams {
        rate = rate == null ? 0.1 : rate;
        if (rate < 0 || rate >= 1) {
            throw new InvalidParamsException("rate", "must be in [0, 1), got " + rate);
        }
    }
}
