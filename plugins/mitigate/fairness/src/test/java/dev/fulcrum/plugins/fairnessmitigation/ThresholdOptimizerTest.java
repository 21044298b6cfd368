package dev.fulcrum.plugins.fairnessmitigation;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.audit.AuditInput;
import dev.fulcrum.api.mitigate.DecisionRule;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThresholdOptimizerTest {

    private static INDArray probabilities(float[] positiveScores) {
        float[] both = new float[positiveScores.length * 2];
        for (int i = 0; i < positiveScores.length; i++) {
            both[2 * i] = 1 - positiveScores[i];
            both[2 * i + 1] = positiveScores[i];
        }
        return Nd4j.create(both, new long[] {positiveScores.length, 2}, DataType.FLOAT);
    }

    private static AuditInput validation(float[] scores, int[] labels, String[] groups) {
        float[] weights = new float[scores.length];
        Arrays.fill(weights, 1f);
        return new AuditInput("specific", List.of("negative", "positive"), labels, new int[labels.length],
                probabilities(scores), Map.of("g", groups), weights);
    }

    private static ThresholdOptimizer optimizer(String constraint, double tolerance) {
        return new ThresholdOptimizer(new ThresholdOptimizerParams(constraint, null, null, tolerance));
    }

    /** Group b's scores run lower; the most accurate equal selection rate is 1/2 in both groups. */
    @Test
    void demographicParityPicksTheMostAccurateEqualRates() {
        float[] scores = {0.9f, 0.8f, 0.7f, 0.2f, 0.6f, 0.4f, 0.3f, 0.1f};
        int[] labels = {1, 1, 0, 0, 1, 1, 0, 0};
        String[] groups = {"a", "a", "a", "a", "b", "b", "b", "b"};
        DecisionRule rule = optimizer("demographic-parity", 0).fit(validation(scores, labels, groups));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fitted = (List<Map<String, Object>>) rule.state().get("groups");
        assertEquals(0.75, (double) fitted.get(0).get("threshold"), 1e-6);
        assertEquals(0.35, (double) fitted.get(1).get("threshold"), 1e-6);
        assertEquals(1.0, (double) rule.state().get("validation_accuracy"), 1e-12);
        assertArrayEquals(labels, rule.decide(probabilities(scores), Map.of("g", groups)));
    }

    @Test
    void ratesEndUpWithinTheToleranceOnValidationRows() {
        SplittableRandom random = new SplittableRandom(8);
        int n = 4000;
        float[] scores = new float[n];
        int[] labels = new int[n];
        String[] groups = new String[n];
        for (int i = 0; i < n; i++) {
            boolean b = random.nextDouble() < 0.35;
            groups[i] = b ? "b" : "a";
            labels[i] = random.nextDouble() < (b ? 0.3 : 0.6) ? 1 : 0;
            double logit = (labels[i] == 1 ? 1.2 : -1.2) + (b ? -0.8 : 0) + random.nextGaussian();
            scores[i] = (float) (1 / (1 + Math.exp(-logit)));
        }
        for (String constraint : List.of("demographic-parity", "equal-opportunity")) {
            AuditInput input = validation(scores, labels, groups);
            DecisionRule rule = optimizer(constraint, 0.01).fit(input);
            int[] decided = rule.decide(input.probabilities(), input.sensitive());
            double[] rate = new double[2];
            double[] base = new double[2];
            for (int i = 0; i < n; i++) {
                int g = groups[i].equals("a") ? 0 : 1;
                boolean counts = constraint.equals("demographic-parity") || labels[i] == 1;
                if (counts) {
                    base[g]++;
                    rate[g] += decided[i];
                }
            }
            assertTrue(Math.abs(rate[0] / base[0] - rate[1] / base[1]) <= 0.01 + 1e-9,
                    constraint + ": " + rate[0] / base[0] + " vs " + rate[1] / base[1]);
            assertEquals((double) rule.state().get("validation_rate_gap"), Math.abs(rate[0] / base[0] - rate[1] / base[1]), 1e-9);
        }
    }

    @Test
    void theRuleIsDeterministicAndSurvivesItsState() {
        float[] scores = {0.9f, 0.55f, 0.52f, 0.2f, 0.6f, 0.45f, 0.3f, 0.1f, 0.51f};
        int[] labels = {1, 0, 1, 0, 1, 1, 0, 0, 1};
        String[] groups = {"a", "a", "a", "a", "b", "b", "b", "b", "a"};
        AuditInput input = validation(scores, labels, groups);
        ThresholdOptimizer optimizer = optimizer("demographic-parity", 0.05);
        DecisionRule first = optimizer.fit(input);
        assertEquals(first.state(), optimizer.fit(input).state());
        DecisionRule restored = optimizer.restore(first.state());
        assertArrayEquals(first.decide(input.probabilities(), input.sensitive()),
                restored.decide(input.probabilities(), input.sensitive()));
        assertEquals(List.of("g"), restored.attributes());
    }

    @Test
    void aGroupTheValidationRowsLackedGetsTheMostProbableClass() {
        DecisionRule rule = optimizer("demographic-parity", 0).fit(validation(new float[] {0.9f, 0.1f, 0.8f, 0.2f},
                new int[] {1, 0, 1, 0}, new String[] {"a", "a", "b", "b"}));
        int[] decided = rule.decide(probabilities(new float[] {0.7f, 0.3f}), Map.of("g", new String[] {"c", "c"}));
        assertArrayEquals(new int[] {1, 0}, decided);
    }

    @Test
    void badInputIsNamed() {
        AuditInput threeClasses = new AuditInput("specific", List.of("x", "y", "z"), new int[] {0}, new int[] {0},
                Nd4j.create(new float[] {0.2f, 0.3f, 0.5f}, new long[] {1, 3}, DataType.FLOAT), Map.of("g", new String[] {"a"}),
                new float[] {1});
        assertEquals("threshold-optimizer decides between two classes; the task has [x, y, z]",
                assertThrows(InvalidInputException.class, () -> optimizer("demographic-parity", 0).fit(threeClasses)).getMessage());
        AuditInput noPositives = validation(new float[] {0.9f, 0.1f, 0.8f, 0.2f}, new int[] {1, 0, 0, 0}, new String[] {"a", "a", "b", "b"});
        assertTrue(assertThrows(InvalidInputException.class, () -> optimizer("equal-opportunity", 0).fit(noPositives))
                .getMessage().startsWith("threshold-optimizer: group b has no validation rows of class positive"));
        InvalidParamsException constraint = assertThrows(InvalidParamsException.class,
                () -> new ThresholdOptimizerParams("equalized-odds", null, null, null));
        assertEquals("constraint", constraint.field());
    }
}
