package dev.fulcrum.plugins.groupfairness;

import java.util.ArrayList;
import java.util.List;

/** Names of the scalar fairness metrics: what the results report, the bootstrap covers and gates test. */
final class FairnessMetric {

    static final String DEMOGRAPHIC_PARITY_DIFFERENCE = "demographic_parity_difference";
    static final String DEMOGRAPHIC_PARITY_RATIO = "demographic_parity_ratio";
    static final String EQUALIZED_ODDS_DIFFERENCE = "equalized_odds_difference";
    static final String EQUALIZED_ODDS_RATIO = "equalized_odds_ratio";
    static final String STATISTICAL_PARITY_DIFFERENCE = "statistical_parity_difference";
    static final String DISPARATE_IMPACT = "disparate_impact";
    static final String EQUAL_OPPORTUNITY_DIFFERENCE = "equal_opportunity_difference";
    static final String AVERAGE_ODDS_DIFFERENCE = "average_odds_difference";
    static final String BETWEEN_GROUP_GENERALIZED_ENTROPY_INDEX = "between_group_generalized_entropy_index";
    static final String BETWEEN_GROUP_THEIL_INDEX = "between_group_theil_index";
    static final String GENERALIZED_ENTROPY_INDEX = "generalized_entropy_index";
    static final String THEIL_INDEX = "theil_index";

    /** The unprivileged-versus-privileged metrics, defined only where a privileged group is named. */
    static final List<String> VERSUS_PRIVILEGED = List.of(STATISTICAL_PARITY_DIFFERENCE, DISPARATE_IMPACT,
            EQUAL_OPPORTUNITY_DIFFERENCE, AVERAGE_ODDS_DIFFERENCE);

    /** Metrics of all rows, not of a grouping. */
    static final List<String> OVERALL = List.of(GENERALIZED_ENTROPY_INDEX, THEIL_INDEX);

    private FairnessMetric() {
    }

    /** Every metric a gate may name. */
    static List<String> all() {
        List<String> names = new ArrayList<>(List.of(DEMOGRAPHIC_PARITY_DIFFERENCE, DEMOGRAPHIC_PARITY_RATIO,
                EQUALIZED_ODDS_DIFFERENCE, EQUALIZED_ODDS_RATIO));
        names.addAll(VERSUS_PRIVILEGED);
        names.add(BETWEEN_GROUP_GENERALIZED_ENTROPY_INDEX);
        names.add(BETWEEN_GROUP_THEIL_INDEX);
        for (RateMetric metric : RateMetric.values()) {
            Disparity.SUFFIXES.forEach(suffix -> names.add(metric.key() + suffix));
        }
        names.addAll(OVERALL);
        return names;
    }
}
