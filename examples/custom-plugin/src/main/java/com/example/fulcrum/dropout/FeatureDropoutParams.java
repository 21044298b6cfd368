package com.example.fulcrum.dropout;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.params.Range;

/** Params of the augmenter, bound from YAML: {@code {type: feature-dropout, rate: 0.1}}. */
public record FeatureDropoutParams(@Doc("fraction of feature values set to zero in each epoch") @Range("[0, 1)") Double rate) {

    public FeatureDropoutParams {
        rate = rate == null ? 0.1 : rate;
    }
}
