package dev.fulcrum.plugins.groupfairness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The unprivileged rows (every group but the privileged one, pooled) against the privileged group,
 * in AIF360's conventions (ClassificationMetric; Bellamy et al. 2018), unprivileged minus or over
 * privileged:
 * <ul>
 *   <li>statistical parity difference {@code P(Ŷ=1 | U) - P(Ŷ=1 | P)};</li>
 *   <li>disparate impact {@code P(Ŷ=1 | U) / P(Ŷ=1 | P)} (the four-fifths rule asks for at least 0.8);</li>
 *   <li>equal opportunity difference {@code TPR_U - TPR_P};</li>
 *   <li>average odds difference {@code ((FPR_U - FPR_P) + (TPR_U - TPR_P)) / 2}.</li>
 * </ul>
 * Also, per group, each metric over the privileged group's (Aequitas' disparities, Saleiro et al. 2018).
 *
 * @param metrics the four measures above, by name
 * @param ratios  group name, then metric name, to the group's value over the privileged group's
 */
record VersusPrivileged(Confusion privileged, Confusion unprivileged, Map<String, Measure> metrics,
                        Map<String, Map<String, Measure>> ratios) {

    static VersusPrivileged of(Confusion[] groups, Grouping grouping) {
        Confusion privileged = groups[grouping.privileged()];
        Confusion unprivileged = unprivileged(groups, grouping.privileged());
        Map<String, Map<String, Measure>> ratios = new LinkedHashMap<>();
        for (int g = 0; g < groups.length; g++) {
            Map<String, Measure> groupRatios = new LinkedHashMap<>();
            for (RateMetric metric : RateMetric.values()) {
                groupRatios.put(metric.key(), metric.of(groups[g]).over(metric.of(privileged), "the privileged group's " + metric.key()));
            }
            ratios.put(grouping.groupName(g), groupRatios);
        }
        return new VersusPrivileged(privileged, unprivileged, measures(privileged, unprivileged), ratios);
    }

    /** The four headline measures alone: what the bootstrap recomputes on each resample. */
    static Map<String, Measure> measures(Confusion[] groups, int privileged) {
        return measures(groups[privileged], unprivileged(groups, privileged));
    }

    private static Confusion unprivileged(Confusion[] groups, int privileged) {
        Confusion pooled = Confusion.EMPTY;
        for (int g = 0; g < groups.length; g++) {
            if (g != privileged) {
                pooled = pooled.plus(groups[g]);
            }
        }
        return pooled;
    }

    private static Map<String, Measure> measures(Confusion privileged, Confusion unprivileged) {
        Map<String, Measure> metrics = new LinkedHashMap<>();
        Measure selectedU = unprivileged.selectionRate();
        Measure selectedP = privileged.selectionRate();
        Measure tprGap = unprivileged.truePositiveRate().minus(privileged.truePositiveRate());
        Measure fprGap = unprivileged.falsePositiveRate().minus(privileged.falsePositiveRate());
        metrics.put(FairnessMetric.STATISTICAL_PARITY_DIFFERENCE, selectedU.minus(selectedP));
        metrics.put(FairnessMetric.DISPARATE_IMPACT, selectedU.over(selectedP, "the privileged group's selection rate"));
        metrics.put(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE, tprGap);
        metrics.put(FairnessMetric.AVERAGE_ODDS_DIFFERENCE, !fprGap.defined() ? fprGap : !tprGap.defined() ? tprGap
                : Measure.of((fprGap.value() + tprGap.value()) / 2));
        return metrics;
    }
}
