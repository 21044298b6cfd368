package dev.fulcrum.plugins.synthetic;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

public record SyntheticParams(
        @Doc("number of rows") Integer rows,
        @Doc("number of feature columns") Integer features,
        @Doc("number of classes of the general task") Integer generalClasses,
        @Doc("share of rows labelled for the general task only; the others are labelled for the specific task only") Double generalShare,
        @Doc("share of specific-task rows that come from the shifted target domain") Double targetShare,
        @Doc("strength of the target domain's covariate shift (0: none)") Double shift,
        @Doc("how much lower the positive rate of group b is than that of group a, in logits (0: no bias)") Double bias,
        @Doc("probability that a label is replaced by a random class") Double labelNoise,
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
        if (rows < 10) {
            throw new InvalidParamsException("rows", "must be at least 10, got " + rows);
        }
        if (features < 2) {
            throw new InvalidParamsException("features", "must be at least 2, got " + features);
        }
        if (generalClasses < 2) {
            throw new InvalidParamsException("general-classes", "must be at least 2, got " + generalClasses);
        }
        requireFraction("general-share", generalShare);
        requireFraction("target-share", targetShare);
        requireFraction("label-noise", labelNoise);
        if (shift < 0) {
            throw new InvalidParamsException("shift", "must not be negative, got " + shift);
        }
    }

    private static void requireFraction(String field, double value) {
        if (value < 0 || value > 1) {
            throw new InvalidParamsException(field, "must be between 0 and 1, got " + value);
        }
    }
}
