package dev.fulcrum.plugins.pruners;

import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.Pruner;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.testkit.ParamsYaml;
import dev.fulcrum.testkit.PrunerContract;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AshaPrunerTest extends PrunerContract {

    private static final Objective ACCURACY = ONE_OBJECTIVE.get(0);
    private static final Objective LOSS = TWO_OBJECTIVES.get(1);

    @Override
    protected Pruner pruner() {
        return asha(null, null, null, null);
    }

    private static Pruner asha(Integer minResource, Integer reductionFactor, Integer minEarlyStoppingRate, String primary) {
        return new AshaPrunerFactory().create(new AshaPrunerParams(minResource, reductionFactor, minEarlyStoppingRate, primary), null);
    }

    /** Trials in {@code state} that reported one accuracy each over {@code steps} epochs. */
    private static List<TrialRecord> accuracies(TrialState state, int steps, double... accuracies) {
        List<TrialRecord> trials = new ArrayList<>();
        for (double accuracy : accuracies) {
            trials.add(flat(trials.size(), state, ONE_OBJECTIVE, steps, accuracy));
        }
        return trials;
    }

    private static TrialRecord running(int steps, double accuracy) {
        return flat(99, TrialState.RUNNING, ONE_OBJECTIVE, steps, accuracy);
    }

    @Test
    void aTrialIsJudgedAtRungEpochsOnly() {
        List<TrialRecord> better = accuracies(TrialState.COMPLETE, 30, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9);
        assertPrunedAt(Set.of(1, 3, 9, 27), pruner(), better);
        assertPrunedAt(Set.of(3, 9, 27), asha(null, null, 1, null), better);
        assertPrunedAt(Set.of(2, 4, 8, 16), asha(2, 2, null, null), better);
        assertPrunedAt(Set.of(8, 16), asha(2, 2, 2, null), better);
    }

    private static void assertPrunedAt(Set<Integer> rungs, Pruner pruner, List<TrialRecord> others) {
        for (int step = 1; step <= 30; step++) {
            assertEquals(rungs.contains(step), pruner.prune(ONE_OBJECTIVE, running(step, 0.1), others), "step " + step);
        }
    }

    @Test
    void theBestThirdOfTheTrialsAtARungIsPromoted() {
        List<TrialRecord> others = accuracies(TrialState.COMPLETE, 9, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8);
        // nine trials at the rung with the running one: three are promoted
        assertFalse(pruner().prune(ONE_OBJECTIVE, running(3, 0.95), others));
        assertFalse(pruner().prune(ONE_OBJECTIVE, running(3, 0.75), others));
        assertFalse(pruner().prune(ONE_OBJECTIVE, running(3, 0.65), others));
        assertTrue(pruner().prune(ONE_OBJECTIVE, running(3, 0.55), others));
        assertTrue(pruner().prune(ONE_OBJECTIVE, running(3, 0.05), others));
        assertFalse(pruner().prune(ONE_OBJECTIVE, running(3, 0.6), others), "a tie with the last promoted value is promoted");
        // eleven at the rung: still three (floor of 11 / 3)
        List<TrialRecord> eleven = new ArrayList<>(others);
        eleven.addAll(accuracies(TrialState.PRUNED, 3, 0.01, 0.02));
        assertFalse(pruner().prune(ONE_OBJECTIVE, running(3, 0.65), eleven));
        assertTrue(pruner().prune(ONE_OBJECTIVE, running(3, 0.55), eleven));
        // twelve: four
        eleven.addAll(accuracies(TrialState.FAILED, 3, 0.03));
        assertFalse(pruner().prune(ONE_OBJECTIVE, running(3, 0.55), eleven));
    }

    @Test
    void whileARungHoldsFewerThanTheReductionFactorOnlyATrialAsGoodAsTheBestGoesOn() {
        assertFalse(pruner().prune(ONE_OBJECTIVE, running(1, 0.1), List.of()), "alone at the rung");
        List<TrialRecord> one = accuracies(TrialState.COMPLETE, 5, 0.5);
        assertFalse(pruner().prune(ONE_OBJECTIVE, running(1, 0.6), one));
        assertFalse(pruner().prune(ONE_OBJECTIVE, running(1, 0.5), one));
        assertTrue(pruner().prune(ONE_OBJECTIVE, running(1, 0.4), one));
    }

    @Test
    void everyTrialThatReachedTheRungCountsWhateverItsState() {
        List<TrialRecord> others = new ArrayList<>(accuracies(TrialState.COMPLETE, 9, 0.9));
        for (TrialState state : List.of(TrialState.PRUNED, TrialState.FAILED, TrialState.RUNNING)) {
            others.add(flat(others.size(), state, ONE_OBJECTIVE, 1, 0.1));
            others.add(flat(others.size(), state, ONE_OBJECTIVE, 1, 0.1));
        }
        // eight at the rung promote two: the complete trial and the running one; the complete one alone would promote one
        assertFalse(pruner().prune(ONE_OBJECTIVE, running(1, 0.5), others));
        assertTrue(pruner().prune(ONE_OBJECTIVE, running(1, 0.5), others.subList(0, 1)));
    }

    @Test
    void aStepThatLacksTheMetricIsNoReportAtTheRung() {
        List<TrialRecord> others = accuracies(TrialState.COMPLETE, 5, 0.9, 0.8);
        TreeMap<Integer, Map<String, Double>> lacking = new TreeMap<>(running(3, 0.1).intermediate());
        lacking.put(3, Map.of(OTHER_METRIC, 0.1));
        assertFalse(pruner().prune(ONE_OBJECTIVE, trial(99, TrialState.RUNNING, lacking), others), "not judged at rung 3");
        List<TrialRecord> withLacking = new ArrayList<>(others);
        for (int n = 50; n < 54; n++) {
            withLacking.add(trial(n, TrialState.COMPLETE, lacking));
        }
        // at rung 3 only the two others and the running trial count, not the four lacking it: one is promoted, and it is not 0.85
        assertTrue(pruner().prune(ONE_OBJECTIVE, running(3, 0.85), withLacking));
    }

    @Test
    void aTrialWhoseValueAtItsRungIsNaNIsPruned() {
        assertTrue(pruner().prune(ONE_OBJECTIVE, running(1, Double.NaN), List.of()));
        List<TrialRecord> diverged = accuracies(TrialState.PRUNED, 1, Double.NaN, Double.NaN);
        assertFalse(pruner().prune(ONE_OBJECTIVE, running(1, 0.01), diverged), "others' NaN is the worst value");
    }

    /**
     * Nine trials at rung 1, three promoted. Front 0 is A (0.9, 0.1) and B (0.8, 0.05); C (0.5, 0.5)
     * and the rest lie behind, each dominated by the one before.
     */
    @Test
    void withTwoObjectivesTheFrontsThatHoldTheBestThirdArePromoted() {
        double[][] points = {{0.9, 0.1}, {0.8, 0.05}, {0.5, 0.5}, {0.4, 0.6}, {0.3, 0.7}, {0.2, 0.8}, {0.1, 0.9}, {0.05, 0.95}};
        List<TrialRecord> others = new ArrayList<>();
        for (double[] point : points) {
            others.add(flat(others.size(), TrialState.COMPLETE, TWO_OBJECTIVES, 3, point));
        }
        assertFalse(pruner().prune(TWO_OBJECTIVES, flat(99, TrialState.RUNNING, TWO_OBJECTIVES, 1, 0.7, 0.2), others),
                "in front 1, behind two trials");
        assertTrue(pruner().prune(TWO_OBJECTIVES, flat(99, TrialState.RUNNING, TWO_OBJECTIVES, 1, 0.45, 0.55), others),
                "in front 2, behind three trials");
        TrialRecord tradeOff = flat(99, TrialState.RUNNING, TWO_OBJECTIVES, 1, 0.95, 0.9);
        assertFalse(pruner().prune(TWO_OBJECTIVES, tradeOff, others), "on front 0: the best accuracy, a poor loss");
        assertTrue(asha(null, null, null, LOSS.metric()).prune(TWO_OBJECTIVES, tradeOff, others), "ranked by loss alone");
        assertFalse(asha(null, null, null, ACCURACY.metric()).prune(TWO_OBJECTIVES, tradeOff, others), "ranked by accuracy alone");
    }

    @Test
    void aPrimaryThatNamesNoObjectiveIsRefusedBeforeAnyReport() {
        InvalidParamsException error = assertThrows(InvalidParamsException.class, () -> asha(null, null, null, "specific.accuracy")
                .prune(ONE_OBJECTIVE, trial(0, TrialState.RUNNING, new TreeMap<>()), List.of()));
        assertEquals("primary", error.field());
    }

    @Test
    void paramsHaveTheDefaultsOfOptunaAndTheirBounds() {
        assertEquals(new AshaPrunerParams(1, 3, 0, null), ParamsYaml.bind(AshaPrunerParams.class, "{}"));
        assertEquals("params.yaml:1: reduction-factor: must be at least 2, got 1", ParamsYaml.error(AshaPrunerParams.class, "reduction-factor: 1"));
        assertEquals("params.yaml:1: min-resource: must be at least 1, got 0", ParamsYaml.error(AshaPrunerParams.class, "min-resource: 0"));
        InvalidParamsException far = assertThrows(InvalidParamsException.class, () -> new AshaPrunerParams(3, 10, 9, null));
        assertEquals("min-early-stopping-rate: puts the first rung, min-resource * reduction-factor ^ min-early-stopping-rate = "
                + "3 * 10 ^ 9, beyond 2147483647 epochs", far.getMessage());
        assertEquals(1_000_000_000, new AshaPrunerParams(1, 10, 9, null).firstRung());
    }
}
