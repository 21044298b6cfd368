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

    /** A pre-training mitigator may change weights only: features, schema, labels and domains stay as they were. */
    static void onlyWeightsChanged(Dataset before, Dataset after, Resolved<?> component) {
        boolean sameLabels = before.schema().taskNames().stream()
                .allMatch(task -> java.util.Arrays.equals(before.labels(task), after.labels(task)));
        if (after.features() != before.features() || !after.schema().equals(before.schema()) || !sameLabels
                || !java.util.Arrays.equals(after.domains(), before.domains())) {
            throw new IllegalStateException(component.label() + " from plugin " + component.factory().pluginId()
                    + " broke its contract: a pre-training mitigator changes only the rows' weights");
        }
    }
}
