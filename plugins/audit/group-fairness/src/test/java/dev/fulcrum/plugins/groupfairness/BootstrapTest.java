package dev.fulcrum.plugins.groupfairness;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.fulcrum.plugins.groupfairness.AuditFixtures.attribute;
import static dev.fulcrum.plugins.groupfairness.AuditFixtures.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrapTest {

    /** Seeded rows: group a is selected at 60 %, group b at 40 %, labels independent of the decisions. */
    private static dev.fulcrum.api.audit.AuditInput rows(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] labels = new int[n];
        int[] predictions = new int[n];
        String[] groups = new String[n];
        for (int i = 0; i < n; i++) {
            boolean b = random.nextDouble() < 0.4;
            groups[i] = b ? "b" : "a";
            labels[i] = random.nextDouble() < 0.5 ? 1 : 0;
            predictions[i] = random.nextDouble() < (b ? 0.4 : 0.6) ? 1 : 0;
        }
        return AuditFixtures.binary(labels, predictions, attribute("g", groups));
    }

    private static Map<String, Object> audit(int n, long bootstrapSeed) {
        return new GroupFairnessAuditor(AuditFixtures.params(Map.of("g", "a"), 1000, List.of()), bootstrapSeed)
                .audit(rows(n, 1)).results();
    }

    private static double[] interval(Map<String, Object> results, String metric) {
        return new double[] {number(results, "groupings", "g", "headline", metric, "ci_low"),
                number(results, "groupings", "g", "headline", metric, "ci_high")};
    }

    @Test
    void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
        Map<String, Object> first = audit(2000, 42);
        Map<String, Object> again = audit(2000, 42);
        Map<String, Object> other = audit(2000, 43);
        assertEquals(first, again);
        assertNotEquals(interval(first, "disparate_impact")[0], interval(other, "disparate_impact")[0]);
    }

    @Test
    void intervalsContainThePointEstimateAndNarrowWithMoreRows() {
        Map<String, Object> small = audit(2000, 42);
        Map<String, Object> large = audit(50_000, 42);
        for (String metric : List.of("disparate_impact", "statistical_parity_difference", "demographic_parity_difference",
                "equalized_odds_difference", "average_odds_difference")) {
            double value = number(small, "groupings", "g", "headline", metric, "value");
            double[] ci = interval(small, metric);
            assertTrue(ci[0] <= value && value <= ci[1], metric + " " + value + " outside " + ci[0] + ".." + ci[1]);
            double[] narrow = interval(large, metric);
            assertTrue(narrow[1] - narrow[0] < (ci[1] - ci[0]) / 3, metric + " did not narrow");
        }
    }

    @Test
    void theIntervalOfTheStatisticalParityDifferenceMatchesItsStandardError() {
        Map<String, Object> results = audit(50_000, 42);
        double pa = number(results, "groupings", "g", "groups", "a", "selection_rate");
        double pb = number(results, "groupings", "g", "groups", "b", "selection_rate");
        double na = number(results, "groupings", "g", "groups", "a", "count");
        double nb = number(results, "groupings", "g", "groups", "b", "count");
        double standardError = Math.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb);
        double[] ci = interval(results, "statistical_parity_difference");
        assertEquals(2 * 1.96 * standardError, ci[1] - ci[0], 0.15 * 2 * 1.96 * standardError);
    }

    @Test
    void unequalWeightsWithinACellStillGiveAnIntervalAroundTheEstimate() {
        dev.fulcrum.api.audit.AuditInput plain = rows(5000, 3);
        float[] weights = new float[plain.rows()];
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (0.5 + random.nextDouble());
        }
        Map<String, Object> results = new GroupFairnessAuditor(AuditFixtures.params(Map.of("g", "a"), 1000, List.of()), 5)
                .audit(AuditFixtures.binary(plain.labels(), plain.predictions(), plain.sensitive(), weights)).results();
        double value = number(results, "groupings", "g", "headline", "disparate_impact", "value");
        double[] ci = interval(results, "disparate_impact");
        assertTrue(ci[0] < value && value < ci[1] && ci[1] - ci[0] < 0.2, ci[0] + ".." + ci[1] + " around " + value);
    }

    @Test
    void quantilesInterpolateLinearlyBetweenOrderStatistics() {
        double[] sorted = {1, 2, 3, 4, 5};
        assertEquals(1, Bootstrap.quantile(sorted, 0));
        assertEquals(5, Bootstrap.quantile(sorted, 1));
        assertEquals(1.1, Bootstrap.quantile(sorted, 0.025), 1e-12);
        assertEquals(4.9, Bootstrap.quantile(sorted, 0.975), 1e-12);
    }
}
