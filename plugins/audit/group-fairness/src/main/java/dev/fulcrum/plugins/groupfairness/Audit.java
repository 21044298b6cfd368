package dev.fulcrum.plugins.groupfairness;

import dev.fulcrum.api.audit.GateResult;

import java.util.List;
import java.util.Map;

/**
 * One audit's findings, before they are written as a results tree and as a table.
 *
 * @param intervals bootstrap intervals of the headline metrics; empty without bootstrap
 */
record Audit(String task, String positiveClass, List<String> attributes, Confusion overall, double alpha,
             Measure entropyIndex, Measure theilIndex, List<GroupingAudit> groupings,
             Map<Bootstrap.MetricKey, Bootstrap.Interval> intervals, int resamples, double confidence, long seed,
             List<GateResult> gates) {
}
