package dev.fulcrum.plugins.synthetic;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.Range;

public record SyntheticParams(
        @Doc("number of rows") @AtLeast(10) Integer rows,
        @Doc("number of feature columns") @AtLeast(2) Integer features,
        @Doc("number of classes of the general task") @AtLeast(2) Integer generalClasses,
        @Doc("share of rows labelled for the general task only; the others are labelled for the specific task only") @Range("[0, 1]") Double generalShare,
        @Doc("share of specific-task rows that come from the shifted target domain") @Range("[0, 1]") Double targetShare,
        @Doc("strength of the target domain's covariate shift (0: none)") @AtLeast(0) Double shift,
        @Doc("how much lower the positive rate of group b is than that of group a, in logits (0: no bias)") Double bias,
        @Doc("probability that a label is replaced by a random class") @Range("[0, 1]") Double labelNoise,
        @Doc("seed of this data; by default derived from the run's seed") Long seed) {

    public SyntheticParams {
        rows = rows == null ? 3000 : rows;
        features = features == null ? 10 : features;
        generalClasses = generalClasses == null ? 4 : generalClasses;
        generalShare = generalShare == null ? 0.5 : generalShare;
        targetShare = targetShare == null ? 0.3 : targetShare;
        shift = shift == null ? 1.0 : shift;
        bias = bias == null ? 1.5 : bias;
        labelNoise = labelNoise == null ? 0.05 : labelNoise;
    }
}
