package dev.fulcrum.plugins.projections;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.NotBlank;
import dev.fulcrum.api.params.Positive;

import java.util.List;

public record RandomFourierParams(
        @Doc("number of random features; more approximate the kernel more closely") @AtLeast(1) Integer components,
        @Doc("the RBF kernel exp(-gamma |x - y|^2) that the features approximate; by default 1 / (columns * variance "
                + "of the training rows' features), scikit-learn's \"scale\"") @Positive Double gamma,
        @Doc("the new columns are named prefix0, prefix1, ...") @NotBlank String prefix,
        @Doc("seed of the random projection; by default derived from the run's seed and the prefix") Long seed,
        @Doc("numeric columns to project; by default every numeric column (categorical ones are left out)") List<String> columns) {

    public RandomFourierParams {
        components = components == null ? 256 : components;
        prefix = prefix == null ? "rff" : prefix;
        columns = columns == null ? null : List.copyOf(columns);
    }
}
