package dev.fulcrum.api.mitigate;

import dev.fulcrum.api.Experimental;
import dev.fulcrum.api.audit.AuditInput;

import java.util.Map;

/**
 * Post-processing mitigation: after training, learns from the model's validation predictions a
 * {@link DecisionRule} that turns class probabilities into decisions. The host applies the rule to
 * the test predictions before the bias audit, and saves its state in {@code model.zip} so that a
 * saved model decides the same way. A pipeline has at most one post-processing mitigator.
 */
@Experimental
public non-sealed interface PostProcessingMitigator extends Mitigator {

    /** @param validation the specific task's labelled validation rows, with probabilities */
    DecisionRule fit(AuditInput validation);

    /** The rule {@link #fit} made, rebuilt from its {@link DecisionRule#state()}. */
    DecisionRule restore(Map<String, Object> state);
}
