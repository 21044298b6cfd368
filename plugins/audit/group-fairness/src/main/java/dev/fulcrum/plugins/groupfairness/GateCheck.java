package dev.fulcrum.plugins.groupfairness;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.audit.GateResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Tests the policy gates against the audit's scalar metrics; an undefined value fails its gate. */
final class GateCheck {

    static final String OVERALL = "overall";

    private GateCheck() {
    }

    /**
     * @param byGrouping grouping name to the scalars a gate may test on it
     * @param overall    the scalars of all rows
     */
    static List<GateResult> evaluate(List<GateParams> gates, Map<String, Map<String, Measure>> byGrouping,
                                     Map<String, Measure> overall) {
        List<GateResult> results = new ArrayList<>();
        for (GateParams gate : gates) {
            if (FairnessMetric.OVERALL.contains(gate.metric())) {
                check(gate, OVERALL, overall.get(gate.metric()), results);
                continue;
            }
            if (gate.grouping() != null && !byGrouping.containsKey(gate.grouping())) {
                throw new InvalidInputException("gate on " + gate.metric() + ": no grouping \"" + gate.grouping()
                        + "\"; the groupings are " + byGrouping.keySet());
            }
            int checked = 0;
            for (Map.Entry<String, Map<String, Measure>> grouping : byGrouping.entrySet()) {
                Measure value = grouping.getValue().get(gate.metric());
                if ((gate.grouping() == null || gate.grouping().equals(grouping.getKey())) && value != null) {
                    check(gate, grouping.getKey(), value, results);
                    checked++;
                }
            }
            if (checked == 0) {
                throw new InvalidInputException("gate on " + gate.metric() + ": "
                        + (gate.grouping() == null ? "no grouping" : "grouping " + gate.grouping())
                        + " has a privileged group to compare with; name one with privileged: {attribute: value}");
            }
        }
        return results;
    }

    private static void check(GateParams gate, String scope, Measure value, List<GateResult> results) {
        if (gate.min() != null) {
            results.add(result(gate.metric(), scope, value, ">=", gate.min()));
        }
        if (gate.max() != null) {
            results.add(result(gate.metric(), scope, value, "<=", gate.max()));
        }
    }

    private static GateResult result(String metric, String scope, Measure value, String comparison, double bound) {
        String gate = metric + " " + comparison + " " + number(bound);
        if (!value.defined()) {
            return new GateResult(gate, metric, scope, null, comparison, bound, false, null,
                    metric + " on " + scope + " is undefined: " + value.undefined());
        }
        double margin = comparison.equals(">=") ? value.value() - bound : bound - value.value();
        boolean passed = margin >= 0;
        String detail = metric + " on " + scope + " is " + number(value.value()) + (passed
                ? ", within the bound by " + number(margin)
                : (comparison.equals(">=") ? ", below the minimum " : ", above the maximum ") + number(bound) + " by " + number(-margin));
        return new GateResult(gate, metric, scope, value.value(), comparison, bound, passed, margin, detail);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
