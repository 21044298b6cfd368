package dev.fulcrum.api.mitigate;

import dev.fulcrum.api.Experimental;

/**
 * A bias mitigator. It acts at one of two places of a run, and implements the interface for it:
 * {@link PreTrainingMitigator} changes the training rows' weights before the model is built;
 * {@link PostProcessingMitigator} changes how the trained model's scores become decisions. Feature
 * transforms that mitigate bias (correlation removal, say) are feature extractors instead, so that
 * the host saves and replays them like any other transform.
 */
@Experimental
public sealed interface Mitigator permits PreTrainingMitigator, PostProcessingMitigator {
}
