package dev.fulcrum.plugins.groupfairness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much one per-group metric varies across the groups of a grouping, in Fairlearn's conventions
 * (MetricFrame.difference and .ratio): between groups, {@code max - min} and {@code min / max};
 * relative to overall, {@code max |m_g - m_overall|} and {@code min min(m_g / m_overall, m_overall / m_g)}.
 * Groups where the metric is undefined are left out and listed, as Fairlearn's NaN-skipping
 * aggregation leaves them out; with fewer than two groups left (of two or more), nothing is defined.
 *
 * @param excluded group name to why its value is undefined
 */
record Disparity(Measure difference, Measure ratio, Measure differenceToOverall, Measure ratioToOverall,
                 Map<String, String> excluded) {

    /** Name suffixes of the four measures, in the order of {@link #measures()}: {@code tpr_difference}, ... */
    static final List<String> SUFFIXES = List.of("_difference", "_ratio", "_difference_to_overall", "_ratio_to_overall");

    List<Measure> measures() {
        return List.of(difference, ratio, differenceToOverall, ratioToOverall);
    }

    static Disparity of(RateMetric metric, Confusion[] groups, Grouping grouping, Confusion overall) {
        Map<String, String> excluded = new LinkedHashMap<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int defined = 0;
        Measure overallValue = metric.of(overall);
        double furthestFromOverall = 0;
        Measure closestRatioToOverall = Measure.of(1);
        for (int g = 0; g < groups.length; g++) {
            Measure value = metric.of(groups[g]);
            if (!value.defined()) {
                excluded.put(grouping.groupName(g), value.undefined());
                continue;
            }
            defined++;
            min = Math.min(min, value.value());
            max = Math.max(max, value.value());
            if (overallValue.defined()) {
                furthestFromOverall = Math.max(furthestFromOverall, Math.abs(value.value() - overallValue.value()));
            }
            if (overallValue.defined() && closestRatioToOverall.defined()) {
                Measure pair = pairRatio(value.value(), overallValue.value(), grouping.groupName(g));
                if (!pair.defined() || pair.value() < closestRatioToOverall.value()) {
                    closestRatioToOverall = pair;
                }
            }
        }
        if (defined < Math.min(2, groups.length)) {
            Measure none = Measure.undefined(metric.key() + " is defined for fewer than two groups");
            return new Disparity(none, none, none, none, excluded);
        }
        Measure ratio = max == 0 ? Measure.undefined("every group's " + metric.key() + " is 0 (min / max = 0 / 0)")
                : Measure.of(min / max);
        Measure toOverall = overallValue.defined() ? Measure.of(furthestFromOverall) : overallValue;
        Measure ratioToOverall = overallValue.defined() ? closestRatioToOverall : overallValue;
        return new Disparity(Measure.of(max - min), ratio, toOverall, ratioToOverall, excluded);
    }

    /** {@code min(a / b, b / a)}: the smaller over the larger; undefined when both are 0. */
    private static Measure pairRatio(double group, double overall, String groupName) {
        double larger = Math.max(group, overall);
        return larger == 0 ? Measure.undefined("group " + groupName + " and the overall value are both 0")
                : Measure.of(Math.min(group, overall) / larger);
    }
}
