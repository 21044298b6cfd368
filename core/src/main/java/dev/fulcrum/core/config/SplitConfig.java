package dev.fulcrum.core.config;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

/**
 * How rows the sources did not assign are split. Bound like a component's params.
 */
public record SplitConfig(
        @Doc("fraction of unassigned rows, and of rows a source marked for training, kept for validation") Double validation,
        @Doc("fraction of unassigned rows kept for the test") Double test,
        @Doc("fraction of target-domain training and validation rows that keep their labels (0: unsupervised adaptation)")
        Double targetLabelled) {

    public SplitConfig {
        if (validation == null) {
            validation = 0.15;
        }
        if (test == null) {
            test = 0.15;
        }
        if (targetLabelled == null) {
            targetLabelled = 0.0;
        }
        requireFraction("validation", validation);
        requireFraction("test", test);
        requireFraction("target-labelled", targetLabelled);
        if (validation + test >= 1) {
            throw new InvalidParamsException("test", "validation + test must leave rows for training, got "
                    + validation + " + " + test);
        }
    }

    private static void requireFraction(String field, double value) {
        if (value < 0 || value > 1) {
            throw new InvalidParamsException(field, "must be between 0 and 1, got " + value);
        }
    }
}
