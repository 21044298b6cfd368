package dev.fulcrum.core.config;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.params.Range;

/**
 * How rows the sources did not assign are split. Bound like a component's params.
 */
public record SplitConfig(
        @Doc("fraction of unassigned rows, and of rows a source marked for training, kept for validation") @Range("[0, 1]") Double validation,
        @Doc("fraction of unassigned rows kept for the test") @Range("[0, 1]") Double test,
        @Doc("fraction of target-domain training and validation rows that keep their labels (0: unsupervised adaptation)")
        @Range("[0, 1]") Double targetLabelled) {

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
        // a fraction above 1 is left to its @Range, so that it is the field named
        if (validation <= 1 && test <= 1 && validation + test >= 1) {
            throw new InvalidParamsException("test", "validation + test must leave rows for training, got "
                    + validation + " + " + test);
        }
    }
}
