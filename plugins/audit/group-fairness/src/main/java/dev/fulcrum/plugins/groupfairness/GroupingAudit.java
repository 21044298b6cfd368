package dev.fulcrum.plugins.groupfairness;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything measured for one grouping: per-group confusion counts, the across-groups disparities
 * of each metric, the comparison with the privileged group where one is named, the between-group
 * entropy indices, and the headline metrics (those that get confidence intervals).
 *
 * @param versusPrivileged {@code null} when the grouping has no privileged group
 */
record GroupingAudit(Grouping grouping, Confusion[] groups, Map<RateMetric, Disparity> disparities,
                     VersusPrivileged versusPrivileged, Measure betweenGroupEntropy, Measure betweenGroupTheil,
                     Map<String, Measure> headline) {

    static GroupingAudit of(Grouping grouping, long[] cellRows, double[] cellWeights, Confusion overall, double alpha) {
        Confusion[] groups = grouping.confusions(cellRows, cellWeights);
        Map<RateMetric, Disparity> disparities = new EnumMap<>(RateMetric.class);
        for (RateMetric metric : RateMetric.values()) {
            disparities.put(metric, Disparity.of(metric, groups, grouping, overall));
        }
        VersusPrivileged versus = grouping.hasPrivileged() ? VersusPrivileged.of(groups, grouping) : null;
        Map<String, Measure> headline = headline(disparities);
        if (versus != null) {
            headline.putAll(versus.metrics());
        }
        return new GroupingAudit(grouping, groups, disparities, versus, EntropyIndex.betweenGroups(groups, alpha),
                EntropyIndex.betweenGroups(groups, 1), headline);
    }

    /** The headline metrics alone, from cell weights: what each bootstrap resample recomputes. */
    static Map<String, Measure> headline(Grouping grouping, long[] cellRows, double[] cellWeights, Confusion overall) {
        Confusion[] groups = grouping.confusions(cellRows, cellWeights);
        Map<RateMetric, Disparity> disparities = new EnumMap<>(RateMetric.class);
        for (RateMetric metric : new RateMetric[] {RateMetric.SELECTION_RATE, RateMetric.TPR, RateMetric.FPR}) {
            disparities.put(metric, Disparity.of(metric, groups, grouping, overall));
        }
        Map<String, Measure> headline = headline(disparities);
        if (grouping.hasPrivileged()) {
            headline.putAll(VersusPrivileged.measures(groups, grouping.privileged()));
        }
        return headline;
    }

    /**
     * Fairlearn's demographic parity and equalized odds (worst case of the TPR and FPR disparities),
     * then AIF360's unprivileged-versus-privileged measures.
     */
    private static Map<String, Measure> headline(Map<RateMetric, Disparity> disparities) {
        Map<String, Measure> headline = new LinkedHashMap<>();
        Disparity selection = disparities.get(RateMetric.SELECTION_RATE);
        Disparity tpr = disparities.get(RateMetric.TPR);
        Disparity fpr = disparities.get(RateMetric.FPR);
        headline.put(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE, selection.difference());
        headline.put(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO, selection.ratio());
        headline.put(FairnessMetric.EQUALIZED_ODDS_DIFFERENCE, worst(tpr.difference(), fpr.difference(), true));
        headline.put(FairnessMetric.EQUALIZED_ODDS_RATIO, worst(tpr.ratio(), fpr.ratio(), false));
        return headline;
    }

    private static Measure worst(Measure a, Measure b, boolean larger) {
        if (!a.defined()) {
            return a;
        }
        if (!b.defined()) {
            return b;
        }
        return Measure.of(larger ? Math.max(a.value(), b.value()) : Math.min(a.value(), b.value()));
    }

    /** Every scalar a gate may test on this grouping, by name. */
    Map<String, Measure> scalars() {
        Map<String, Measure> scalars = new LinkedHashMap<>(headline);
        scalars.put(FairnessMetric.BETWEEN_GROUP_GENERALIZED_ENTROPY_INDEX, betweenGroupEntropy);
        scalars.put(FairnessMetric.BETWEEN_GROUP_THEIL_INDEX, betweenGroupTheil);
        disparities.forEach((metric, disparity) -> {
            for (int i = 0; i < Disparity.SUFFIXES.size(); i++) {
                scalars.put(metric.key() + Disparity.SUFFIXES.get(i), disparity.measures().get(i));
            }
        });
        return scalars;
    }
}
