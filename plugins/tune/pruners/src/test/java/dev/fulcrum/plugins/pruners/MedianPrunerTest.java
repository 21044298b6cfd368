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
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MedianPrunerTest extends PrunerContract {

    private static final Objective ACCURACY = ONE_OBJECTIVE.get(0);
    private static final Objective LOSS = TWO_OBJECTIVES.get(1);

    @Override
    protected Pruner pruner() {
        return median(null, null, null, null);
    }

    private static Pruner median(Integer startupTrials, Integer warmupSteps, Integer intervalSteps, String primary) {
        return new MedianPrunerFactory().create(new MedianPrunerParams(startupTrials, warmupSteps, intervalSteps, primary), null);
    }

    /** Complete trials of 10 epochs, one per accuracy level: their median is the middle level. */
    private static List<TrialRecord> complete(double... accuracies) {
        List<TrialRecord> trials = new ArrayList<>();
        for (double accuracy : accuracies) {
            trials.add(flat(trials.size(), TrialState.COMPLETE, ONE_OBJECTIVE, 10, accuracy));
        }
        return trials;
    }

    private static TrialRecord running(int steps, double accuracy) {
        return flat(99, TrialState.RUNNING, ONE_OBJECTIVE, steps, accuracy);
    }

    private static List<TrialRecord> plus(List<TrialRecord> trials, TrialRecord... more) {
        List<TrialRecord> all = new ArrayList<>(trials);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void aClearlyWorseTrialIsPrunedAndABetterOneGoesOn() {
        List<TrialRecord> others = complete(0.70, 0.72, 0.74, 0.76, 0.78);
        assertTrue(pruner().prune(ONE_OBJECTIVE, running(1, 0.50), others));
        assertFalse(pruner().prune(ONE_OBJECTIVE, running(1, 0.90), others));
        assertFalse(pruner().prune(ONE_OBJECTIVE, running(1, 0.74), others), "as good as the median is not worse");
        assertTrue(pruner().prune(ONE_OBJECTIVE, running(1, 0.7399), others));
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        List<TrialRecord> others = complete(0.70, 0.72, 0.76, 0.78, 0.90, 0.95);
        assertFalse(pruner().prune(ONE_OBJECTIVE, running(1, 0.77), others));
        assertTrue(pruner().prune(ONE_OBJECTIVE, running(1, 0.769), others));
    }

    @Test
    void noTrialIsPrunedBeforeStartupTrialsHaveCompleted() {
        List<TrialRecord> four = complete(0.8, 0.8, 0.8, 0.8);
        List<TrialRecord> fourAndPruned = plus(four, flat(4, TrialState.PRUNED, ONE_OBJECTIVE, 2, 0.8),
                flat(5, TrialState.PRUNED, ONE_OBJECTIVE, 2, 0.8));
        assertFalse(pruner().prune(ONE_OBJECTIVE, running(1, 0.1), fourAndPruned), "pruned trials do not count as completed");
        assertTrue(pruner().prune(ONE_OBJECTIVE, running(1, 0.1), complete(0.8, 0.8, 0.8, 0.8, 0.8)));
        assertTrue(median(2, null, null, null).prune(ONE_OBJECTIVE, running(1, 0.1), complete(0.8, 0.8)));
        assertFalse(median(3, null, null, null).prune(ONE_OBJECTIVE, running(1, 0.1), complete(0.8, 0.8)));
    }

    @Test
    void prunedTrialsCountInTheMedianButRunningAndFailedOnesDoNot() {
        List<TrialRecord> others = new ArrayList<>(complete(0.8, 0.8, 0.8, 0.8, 0.8));
        for (int n = 0; n < 6; n++) {
            others.add(flat(10 + n, TrialState.PRUNED, ONE_OBJECTIVE, 1, 0.4));
        }
        // median of five 0.8 and six 0.4 is 0.4; of the complete ones alone it would be 0.8
        assertFalse(pruner().prune(ONE_OBJECTIVE, running(1, 0.5), others));
        for (int n = 0; n < 6; n++) {
            others.add(flat(20 + n, TrialState.RUNNING, ONE_OBJECTIVE, 3, 0.9));
            others.add(flat(30 + n, TrialState.FAILED, ONE_OBJECTIVE, 3, 0.9));
        }
        assertFalse(pruner().prune(ONE_OBJECTIVE, running(1, 0.5), others));
        assertTrue(pruner().prune(ONE_OBJECTIVE, running(2, 0.5), others), "at step 2 only the complete trials reported");
    }

    @Test
    void warmupStepsAreNeverJudged() {
        Pruner pruner = median(null, 3, null, null);
        List<TrialRecord> others = complete(0.8, 0.8, 0.8, 0.8, 0.8);
        for (int step = 1; step <= 6; step++) {
            assertEquals(step > 3, pruner.prune(ONE_OBJECTIVE, running(step, 0.1), others), "step " + step);
        }
    }

    @Test
    void checksFallEveryIntervalAfterTheWarmupAndWaitForAReport() {
        Pruner pruner = median(null, 1, 3, null);
        List<TrialRecord> others = complete(0.8, 0.8, 0.8, 0.8, 0.8);
        for (int step = 1; step <= 9; step++) {
            assertEquals(step == 2 || step == 5 || step == 8, pruner.prune(ONE_OBJECTIVE, running(step, 0.1), others), "step " + step);
        }
        // step 5 lacks the metric: the check waits for step 6, and the next one is at 8 again
        TreeMap<Integer, Map<String, Double>> reports = new TreeMap<>(running(9, 0.1).intermediate());
        reports.put(5, Map.of(OTHER_METRIC, 0.1));
        for (int step = 1; step <= 9; step++) {
            TrialRecord asking = trial(99, TrialState.RUNNING, new TreeMap<>(reports.headMap(step + 1)));
            assertEquals(step == 2 || step == 6 || step == 8, pruner.prune(ONE_OBJECTIVE, asking, others), "step " + step);
        }
    }

    @Test
    void theBestValueSoFarIsJudgedNotTheLastOne() {
        List<TrialRecord> others = complete(0.75, 0.75, 0.75, 0.75, 0.75);
        TrialRecord dipped = trial(99, TrialState.RUNNING, ONE_OBJECTIVE, new double[] {0.9}, new double[] {0.5});
        assertFalse(pruner().prune(ONE_OBJECTIVE, dipped, others));
    }

    @Test
    void aTrialWhoseReportsAreAllNaNIsPruned() {
        List<TrialRecord> others = complete(0.1, 0.1, 0.1, 0.1, 0.1);
        assertTrue(pruner().prune(ONE_OBJECTIVE, running(2, Double.NaN), others));
        TrialRecord onceNaN = trial(99, TrialState.RUNNING, ONE_OBJECTIVE, new double[] {0.2}, new double[] {Double.NaN});
        assertFalse(pruner().prune(ONE_OBJECTIVE, onceNaN, others), "its best so far is 0.2");
    }

    @Test
    void withTwoObjectivesTheMedianPointMustDominateTheTrial() {
        List<TrialRecord> others = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            others.add(flat(n, TrialState.COMPLETE, TWO_OBJECTIVES, 4, 0.7, 1.0));
        }
        assertTrue(pruner().prune(TWO_OBJECTIVES, flat(99, TrialState.RUNNING, TWO_OBJECTIVES, 1, 0.6, 1.2), others), "worse on both");
        assertTrue(pruner().prune(TWO_OBJECTIVES, flat(99, TrialState.RUNNING, TWO_OBJECTIVES, 1, 0.7, 1.1), others), "worse on one, equal on the other");
        assertFalse(pruner().prune(TWO_OBJECTIVES, flat(99, TrialState.RUNNING, TWO_OBJECTIVES, 1, 0.7, 1.0), others), "equal on both");
        TrialRecord tradeOff = flat(99, TrialState.RUNNING, TWO_OBJECTIVES, 1, 0.6, 0.8);
        assertFalse(pruner().prune(TWO_OBJECTIVES, tradeOff, others), "worse accuracy, better loss");
        assertTrue(median(null, null, null, ACCURACY.metric()).prune(TWO_OBJECTIVES, tradeOff, others), "judged by accuracy alone");
        assertFalse(median(null, null, null, LOSS.metric()).prune(TWO_OBJECTIVES, tradeOff, others), "judged by loss alone");
    }

    @Test
    void withTwoObjectivesEachIsBestSoFarOnItsOwn() {
        List<TrialRecord> others = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            others.add(flat(n, TrialState.COMPLETE, TWO_OBJECTIVES, 4, 0.7, 1.0));
        }
        // accuracy was best at step 1 and loss at step 2: the point (0.8, 0.9) beats the medians
        TrialRecord trial = trial(99, TrialState.RUNNING, TWO_OBJECTIVES, new double[] {0.8, 1.3}, new double[] {0.5, 0.9});
        assertFalse(pruner().prune(TWO_OBJECTIVES, trial, others));
    }

    @Test
    void aPrimaryThatNamesNoObjectiveIsRefusedBeforeAnyReport() {
        InvalidParamsException error = assertThrows(InvalidParamsException.class, () -> median(null, null, null, "validation.specific.f1")
                .prune(TWO_OBJECTIVES, trial(0, TrialState.RUNNING, new TreeMap<>()), List.of()));
        assertEquals("primary", error.field());
        assertEquals("primary: must be the metric of one of the study's objectives [validation.specific.accuracy, "
                + "validation.general.loss], got validation.specific.f1", error.getMessage());
    }

    @Test
    void paramsHaveOptunasDefaultsAndTheirBounds() {
        assertEquals(new MedianPrunerParams(5, 0, 1, null), ParamsYaml.bind(MedianPrunerParams.class, "{}"));
        assertEquals("params.yaml:1: interval-steps: must be at least 1, got 0", ParamsYaml.error(MedianPrunerParams.class, "interval-steps: 0"));
        assertEquals("params.yaml:1: warmup-steps: must be at least 0, got -1", ParamsYaml.error(MedianPrunerParams.class, "warmup-steps: -1"));
    }
}
