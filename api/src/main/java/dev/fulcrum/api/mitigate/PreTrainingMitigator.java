package dev.fulcrum.api.mitigate;

import dev.fulcrum.api.Experimental;
import dev.fulcrum.api.data.Dataset;

/**
 * Pre-training mitigation: runs after domain adaptation, before the model is built. It receives
 * every row of every partition, may learn only from training rows, and returns the same rows in the
 * same order with the same features, changing only their sample weights.
 */
@Experimental
public non-sealed interface PreTrainingMitigator extends Mitigator {

    Mitigated apply(Dataset data);

    /**
     * @param data   the rows with their new weights
     * @param report what the mitigator did, as a JSON-like tree (maps with string keys, lists,
     *               strings, numbers, booleans); it lands in {@code summary.json} under
     *               {@code mitigation.<component>}
     */
    record Mitigated(Dataset data, java.util.Map<String, Object> report) {
        public Mitigated {
            java.util.Objects.requireNonNull(data, "data");
            report = new java.util.LinkedHashMap<>(report);
        }
    }
}
