package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.data.Dataset;

/** Checks that a plugin kept the promises of its extension point. */
final class StageChecks {

    private StageChecks() {
    }

    /** A transform must return the same rows, in order, with the same tasks. */
    static void sameRows(Dataset before, Dataset after, Resolved<?> component) {
        if (after == null || after.rows() != before.rows()
                || !after.schema().tasks().equals(before.schema().tasks())
                || !java.util.Arrays.equals(after.partitions(), before.partitions())) {
            throw new IllegalStateException(component.label() + " from plugin " + component.factory().pluginId()
                    + " broke its contract: it must return the same rows, in the same order, with the same tasks");
        }
    }
}
