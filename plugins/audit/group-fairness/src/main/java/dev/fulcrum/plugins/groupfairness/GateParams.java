package dev.fulcrum.plugins.groupfairness;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

/** One policy gate: bounds on one metric, e.g. {@code {metric: disparate_impact, min: 0.8}}. */
public record GateParams(
        @Doc("the metric to bound, e.g. disparate_impact, demographic_parity_difference, tpr_difference") String metric,
        @Doc("the grouping it applies to, e.g. race or race & sex; by default every grouping that has the metric") String grouping,
        @Doc("the least acceptable value") Double min,
        @Doc("the largest acceptable value") Double max) {

    public GateParams {
        if (metric == null || metric.isBlank()) {
            throw new InvalidParamsException("metric", "missing: name the metric to bound, e.g. disparate_impact");
        }
        if (min == null && max == null) {
            throw new InvalidParamsException("min", "give min, max or both for gate " + metric);
        }
        if (min != null && max != null && min > max) {
            throw new InvalidParamsException("min", "is above max (" + min + " > " + max + ")");
        }
    }
}
