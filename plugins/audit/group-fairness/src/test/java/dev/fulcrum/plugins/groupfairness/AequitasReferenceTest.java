package dev.fulcrum.plugins.groupfairness;

import dev.fulcrum.api.audit.AuditInput;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.fulcrum.plugins.groupfairness.AuditFixtures.attribute;
import static dev.fulcrum.plugins.groupfairness.AuditFixtures.number;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Aequitas' COMPAS example: confusion counts (tp, fp, fn, tn) of African-American and Caucasian
 * defendants, and the FPR and FNR disparities of the first against the second as reference group.
 */
class AequitasReferenceTest {

    private static final String[] RACES = {"African-American", "Caucasian"};
    private static final int[][] COUNTS = {{1369, 805, 532, 990}, {505, 349, 461, 1139}};
    private static final Map<String, String> REFERENCE = Map.of("race", "Caucasian");

    @Test
    void disparitiesAgainstTheReferenceGroupFromOneRowPerDefendant() {
        Map<String, Object> results = audit(rows(false));
        assertEquals(1.912093, ratio(results, "fpr"), 1e-6);
        assertEquals(0.586416, ratio(results, "fnr"), 1e-6);
        assertEquals(3696, number(results, "groupings", "race", "groups", "African-American", "count"));
    }

    @Test
    void sampleWeightsCountLikeRepeatedRows() {
        Map<String, Object> expanded = audit(rows(false));
        Map<String, Object> weighted = audit(rows(true));
        assertEquals(8, number(weighted, "overall", "count"));
        for (String metric : List.of("selection_rate", "tpr", "fpr", "fnr", "tnr", "ppv", "accuracy", "base_rate")) {
            assertEquals(number(expanded, "overall", metric), number(weighted, "overall", metric), 1e-12, metric);
            assertEquals(ratio(expanded, metric), ratio(weighted, metric), 1e-12, metric);
        }
        for (String metric : List.of("disparate_impact", "statistical_parity_difference", "equal_opportunity_difference",
                "average_odds_difference", "equalized_odds_difference")) {
            assertEquals(number(expanded, "groupings", "race", "headline", metric, "value"),
                    number(weighted, "groupings", "race", "headline", metric, "value"), 1e-12, metric);
        }
        assertEquals(number(expanded, "overall", "generalized_entropy_index"),
                number(weighted, "overall", "generalized_entropy_index"), 1e-12);
    }

    @Test
    void unprivilegedVersusPrivilegedInAif360Conventions() {
        Map<String, Object> results = audit(rows(false));
        double selectedAa = (1369.0 + 805) / 3696;
        double selectedCa = (505.0 + 349) / 2454;
        double tprAa = 1369.0 / (1369 + 532);
        double tprCa = 505.0 / (505 + 461);
        double fprAa = 805.0 / (805 + 990);
        double fprCa = 349.0 / (349 + 1139);
        assertEquals(selectedAa - selectedCa, headline(results, "statistical_parity_difference"), 1e-12);
        assertEquals(selectedAa / selectedCa, headline(results, "disparate_impact"), 1e-12);
        assertEquals(tprAa - tprCa, headline(results, "equal_opportunity_difference"), 1e-12);
        assertEquals(((fprAa - fprCa) + (tprAa - tprCa)) / 2, headline(results, "average_odds_difference"), 1e-12);
    }

    private static double headline(Map<String, Object> results, String metric) {
        return number(results, "groupings", "race", "headline", metric, "value");
    }

    private static double ratio(Map<String, Object> results, String metric) {
        return number(results, "groupings", "race", "versus_privileged", "ratios_to_privileged", "African-American", metric);
    }

    private static Map<String, Object> audit(AuditInput input) {
        return new GroupFairnessAuditor(AuditFixtures.params(REFERENCE, 0, List.of()), 7).audit(input).results();
    }

    /** The counts as rows: one per defendant, or one per cell weighted by its count. */
    private static AuditInput rows(boolean weighted) {
        List<int[]> cells = new ArrayList<>();
        List<String> races = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        int[][] labelAndPrediction = {{1, 1}, {0, 1}, {1, 0}, {0, 0}};
        for (int r = 0; r < RACES.length; r++) {
            for (int cell = 0; cell < 4; cell++) {
                int repeats = weighted ? 1 : COUNTS[r][cell];
                for (int i = 0; i < repeats; i++) {
                    cells.add(labelAndPrediction[cell]);
                    races.add(RACES[r]);
                    weights.add(weighted ? COUNTS[r][cell] : 1f);
                }
            }
        }
        float[] w = new float[weights.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights.get(i);
        }
        return AuditFixtures.binary(cells.stream().mapToInt(c -> c[0]).toArray(), cells.stream().mapToInt(c -> c[1]).toArray(),
                attribute("race", races.toArray(String[]::new)), w);
    }
}
