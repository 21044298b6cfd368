package dev.fulcrum.plugins.groupfairness;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.Range;

import java.util.List;
import java.util.Map;

public record GroupFairnessParams(
        @Doc("sensitive attributes to group rows by; by default every sensitive attribute of the data") List<String> attributes,
        @Doc("with several attributes, also group by every observed combination of their values (intersectional groups)") Boolean intersectional,
        @Doc("the privileged value of attributes, e.g. {race: white} (AIF360 style: the other groups, pooled, are unprivileged); "
                + "leave out to compare groups without a reference (Fairlearn style)") Map<String, String> privileged,
        @Doc("the favourable class, whose selection the audit measures; by default the task's second class") String positiveClass,
        @Doc("bootstrap resamples for the confidence intervals of the headline metrics (0: no intervals)") @AtLeast(0) Integer bootstrap,
        @Doc("confidence level of the bootstrap intervals") @Range("(0, 1)") Double confidence,
        @Doc("seed of the bootstrap; by default derived from the run's seed") Long seed,
        @Doc("alpha of the generalized entropy index (2: half the squared coefficient of variation; 1: Theil index)") @AtLeast(0) Double alpha,
        @Doc("policy gates, e.g. [{metric: disparate_impact, min: 0.8}]: a run that misses one ends with status gate_failed") List<GateParams> gates) {

    public GroupFairnessParams {
        attributes = attributes == null ? null : List.copyOf(attributes);
        intersectional = intersectional == null ? Boolean.TRUE : intersectional;
        privileged = privileged == null ? Map.of() : Map.copyOf(privileged);
        bootstrap = bootstrap == null ? 1000 : bootstrap;
        confidence = confidence == null ? 0.95 : confidence;
        alpha = alpha == null ? 2.0 : alpha;
        gates = gates == null ? List.of() : List.copyOf(gates);
        if (attributes != null && attributes.isEmpty()) {
            throw new InvalidParamsException("attributes", "name at least one attribute, or leave it out to use all");
        }
        if (attributes != null && !attributes.containsAll(privileged.keySet())) {
            throw new InvalidParamsException("privileged", "names attributes " + privileged.keySet()
                    + " that are not among the audited attributes " + attributes);
        }
    }
}
