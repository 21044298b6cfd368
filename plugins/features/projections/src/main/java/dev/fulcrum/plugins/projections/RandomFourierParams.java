package dev.fulcrum.plugins.projections;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

import java.util.List;

public record RandomFourierParams(
        @Doc("number of random features; more approximate the kernel more closely") Integer components,
        @Doc("the RBF kernel exp(-gamma |x - y|^2) that the features approximate; by default 1 / (columns * variance "
                + "of the training rows' features), scikit-learn's \"scale\"") Double gamma,
        @Doc("the new columns are named prefix0, prefix1, ...") String prefix,
        @Doc("seed of the random projection; by default derived from the run's seed and the prefix") Long seed,
        @Doc("numeric columns to project; by default every numeric column (categorical ones are left out)") List<String> columns) {

    public RandomFourierParams {
        components = components == null ? 256 : components;
        prefix = prefix == null ? "rff" : prefix;
        columns = columns == null ? null : List.copyOf(columns);
        if (components < 1) {
            throw new InvalidParamsException("components", "must be at least 1, got " + components);
        }
        if (gamma != null && !(gamma > 0 && Double.isFinite(gamma))) {
            throw new InvalidParamsException("gamma", "must be a finite number > 0, got " + gamma);
        }
        if (prefix.isBlank()) {
            throw new InvalidParamsException("prefix", "must not be empty");
        }
    }
}
