package dev.fulcrum.plugins.logistic;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.params.AtLeast;

public record LogisticParams(
        @Doc("L2 penalty on the weights (not the intercepts): each mini-batch's mean loss gains l2/2 |W|^2, so "
                + "scikit-learn's LogisticRegression(C) on n training rows corresponds to l2 = 1 / (C n); 0: none") @AtLeast(0) Double l2) {

    public LogisticParams {
        l2 = l2 == null ? 1e-3 : l2;
    }
}
