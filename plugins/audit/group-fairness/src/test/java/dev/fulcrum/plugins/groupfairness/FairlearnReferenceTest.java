package dev.fulcrum.plugins.groupfairness;

import dev.fulcrum.api.audit.AuditReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.fulcrum.plugins.groupfairness.AuditFixtures.attribute;
import static dev.fulcrum.plugins.groupfairness.AuditFixtures.ints;
import static dev.fulcrum.plugins.groupfairness.AuditFixtures.number;
import static dev.fulcrum.plugins.groupfairness.AuditFixtures.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The example of Fairlearn's user guide (MetricFrame, demographic parity, equalized odds). */
class FairlearnReferenceTest {

    private static final double TOLERANCE = 1e-6;

    private final Map<String, Object> results = audit().results();

    private static AuditReport audit() {
        int[] yTrue = ints("0 1 1 1 1 0 1 0 1 0 0 0 1 1 1 1 1 1");
        int[] yPred = ints("0 0 1 0 1 1 1 0 0 1 1 1 1 0 0 1 1 0");
        String[] group = strings("b b a b b c c c a a c a b c c b c c");
        return new GroupFairnessAuditor(AuditFixtures.params(Map.of(), 0, List.of()), 7)
                .audit(AuditFixtures.binary(yTrue, yPred, attribute("group", group)));
    }

    @Test
    void overallRates() {
        assertEquals(0.5, number(results, "overall", "tpr"), TOLERANCE);
        assertEquals(0.666667, number(results, "overall", "fpr"), TOLERANCE);
        assertEquals(0.555556, number(results, "overall", "selection_rate"), TOLERANCE);
        assertEquals(18, number(results, "overall", "count"));
    }

    @Test
    void perGroupRates() {
        double[][] expected = {{0.5, 1.0, 0.75, 4}, {0.6, 0.0, 0.5, 6}, {0.4, 0.666667, 0.5, 8}};
        String[] groups = {"a", "b", "c"};
        for (int g = 0; g < groups.length; g++) {
            String name = groups[g];
            assertEquals(expected[g][0], number(results, "groupings", "group", "groups", name, "tpr"), TOLERANCE, name);
            assertEquals(expected[g][1], number(results, "groupings", "group", "groups", name, "fpr"), TOLERANCE, name);
            assertEquals(expected[g][2], number(results, "groupings", "group", "groups", name, "selection_rate"), TOLERANCE, name);
            assertEquals(expected[g][3], number(results, "groupings", "group", "groups", name, "count"), name);
        }
    }

    @Test
    void demographicParityAndEqualizedOdds() {
        assertEquals(0.25, headline("demographic_parity_difference"), TOLERANCE);
        assertEquals(0.666667, headline("demographic_parity_ratio"), TOLERANCE);
        assertEquals(1.0, headline("equalized_odds_difference"), TOLERANCE);
        assertEquals(0.0, headline("equalized_odds_ratio"), TOLERANCE);
    }

    @Test
    void differencesRelativeToOverall() {
        assertEquals(0.1, disparity("tpr", "difference_to_overall"), TOLERANCE);
        assertEquals(0.666667, disparity("fpr", "difference_to_overall"), TOLERANCE);
        assertEquals(0.194444, disparity("selection_rate", "difference_to_overall"), TOLERANCE);
    }

    @Test
    void betweenGroupDifferencesAndRatios() {
        assertEquals(0.6 - 0.4, disparity("tpr", "difference"), TOLERANCE);
        assertEquals(0.4 / 0.6, disparity("tpr", "ratio"), TOLERANCE);
        assertEquals(1.0, disparity("fpr", "difference"), TOLERANCE);
        // group a (0.75) is furthest from overall (0.555556) in ratio terms: 0.555556 / 0.75
        assertEquals(0.740741, disparity("selection_rate", "ratio_to_overall"), 1e-6);
    }

    private double headline(String metric) {
        return number(results, "groupings", "group", "headline", metric, "value");
    }

    private double disparity(String metric, String measure) {
        return number(results, "groupings", "group", "disparities", metric, measure);
    }
}
