package dev.fulcrum.plugins.samplers.tpe;

import dev.fulcrum.api.tune.Direction;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.TrialRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class GoodAndBadTest {

    private static final Objective ACCURACY = new Objective("validation.specific.accuracy", Direction.MAXIMIZE);
    private static final Objective LOSS = new Objective("validation.general.loss", Direction.MINIMIZE);
    private static final Map<String, Object> PARAMS = Map.of("x", 0.5);

    private static TrialRecord scored(int number, double accuracy) {
        return Trials.complete(number, PARAMS, Map.of(ACCURACY.metric(), accuracy));
    }

    private static TrialRecord scored(int number, double accuracy, double loss) {
        return Trials.complete(number, PARAMS, Map.of(ACCURACY.metric(), accuracy, LOSS.metric(), loss));
    }

    private static List<Integer> numbers(List<TrialRecord> trials) {
        return trials.stream().map(TrialRecord::number).toList();
    }

    /** Trials 0 to count - 1 with accuracies (8 n mod 21) / 21, a permutation: 20, 19 and 18 at trials 13, 5 and 18. */
    private static List<TrialRecord> shuffledAccuracies(int count) {
        List<TrialRecord> trials = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            trials.add(scored(n, (8 * n % 21) / 21.0));
        }
        return trials;
    }

    @Test
    void theGoodGroupIsTheBestTenthRoundedUpInTrialOrder() {
        GoodAndBad split = GoodAndBad.split(List.of(ACCURACY), shuffledAccuracies(21), true);
        assertEquals(List.of(5, 13, 18), numbers(split.good()));
        assertEquals(18, split.bad().size());
        assertEquals(21, split.finished());
        assertNull(split.goodWeights(), "one objective: the default weights");
    }

    @Test
    void infeasibleTrialsAreBadHoweverGoodTheirValue() {
        List<TrialRecord> trials = shuffledAccuracies(21);
        trials.set(13, Trials.infeasible(13, PARAMS, Map.of(ACCURACY.metric(), 20 / 21.0)));
        GoodAndBad split = GoodAndBad.split(List.of(ACCURACY), trials, true);
        assertEquals(List.of(5, 10, 18), numbers(split.good()), "17/21 at trial 10 takes the place of the infeasible trial 13");
        assertEquals(true, numbers(split.bad()).contains(13));
        assertEquals(21, split.finished(), "an infeasible trial still finished");
    }

    @Test
    void runningTrialsAreBadWithTheConstantLiarAndUnseenWithoutItAndFailedOnesAreLeftOut() {
        List<TrialRecord> trials = shuffledAccuracies(11);
        trials.add(Trials.running(11, PARAMS));
        trials.add(Trials.failed(12, PARAMS));
        trials.add(Trials.running(13, PARAMS));
        GoodAndBad liar = GoodAndBad.split(List.of(ACCURACY), trials, true);
        assertEquals(11, liar.finished(), "running and failed trials do not count as finished");
        assertEquals(2, liar.good().size(), "ceil(11 / 10)");
        assertEquals(List.of(11, 13), numbers(liar.bad()).stream().filter(n -> n > 10).toList());
        GoodAndBad honest = GoodAndBad.split(List.of(ACCURACY), trials, false);
        assertEquals(List.of(), numbers(honest.bad()).stream().filter(n -> n > 10).toList());
    }

    @Test
    void prunedTrialsRankAfterCompleteOnesTheDeepestFirstThenByTheirLastValue() {
        List<TrialRecord> trials = new ArrayList<>();
        trials.add(Trials.pruned(0, PARAMS, 3, Map.of(ACCURACY.metric(), 0.2)));
        trials.add(Trials.pruned(1, PARAMS, 5, Map.of(ACCURACY.metric(), 0.1)));
        trials.add(Trials.pruned(2, PARAMS, 5, Map.of(ACCURACY.metric(), 0.3)));
        trials.add(Trials.pruned(3, PARAMS, 2, Map.of("validation.other", 0.9)));
        trials.add(scored(4, 0.01));
        for (int n = 5; n < 31; n++) {
            trials.add(Trials.failed(n, PARAMS));
        }
        // 5 finished: ceil(0.5) = 1 good place, the complete trial's, however poor.
        assertEquals(List.of(4), numbers(GoodAndBad.split(List.of(ACCURACY), trials, true).good()));
        for (int n = 5; n < 16; n++) {
            trials.set(n, Trials.pruned(n, PARAMS, 1, Map.of(ACCURACY.metric(), 0.99)));
        }
        // 16 finished: 2 places, the complete trial and then, of the pruned ones, step 5 at accuracy 0.3.
        assertEquals(List.of(2, 4), numbers(GoodAndBad.split(List.of(ACCURACY), trials, true).good()));
        assertEquals(16, GoodAndBad.split(List.of(ACCURACY), trials, true).bad().size() + 2);
    }

    @Test
    void severalObjectivesFillTheGoodGroupByFrontAndCutTheLastFrontByHypervolume() {
        List<TrialRecord> trials = new ArrayList<>();
        // Front 0: (0.9, 0.1) alone. Front 1: five trade-offs from (0.8, 0.6) to (0.4, 0.2); then dominated ones.
        trials.add(scored(0, 0.9, 0.1));
        double[][] front = {{0.8, 0.6}, {0.7, 0.5}, {0.6, 0.4}, {0.5, 0.3}, {0.4, 0.2}};
        for (int i = 0; i < front.length; i++) {
            trials.add(scored(1 + i, front[i][0], front[i][1]));
        }
        for (int n = 6; n < 30; n++) {
            trials.add(scored(n, 0.1, 0.9 + n / 100.0));
        }
        trials.add(Trials.pruned(30, PARAMS, 2, Map.of(ACCURACY.metric(), 0.99, LOSS.metric(), 0.01)));
        GoodAndBad split = GoodAndBad.split(List.of(ACCURACY, LOSS), trials, true);
        assertEquals(31, split.finished());
        // ceil(3.1) = 4: trial 0, then three of front 1. Minimised, front 1 runs from (-0.8, 0.6) to (-0.4, 0.2) and the
        // reference is (-0.36, 0.66). Greedy selection takes the middle (0.24 x 0.26 alone), then (-0.7, 0.5), which adds
        // 0.1 x 0.16, then (-0.5, 0.3), which adds 0.14 x 0.1 (more than the ends: 0.1 x 0.06 and 0.04 x 0.2).
        assertEquals(List.of(0, 2, 3, 4), numbers(split.good()));
        assertEquals(4, split.goodWeights().length);
        assertEquals(true, numbers(split.bad()).contains(30), "a pruned trial is bad with several objectives");
        assertArrayEquals(GoodAndBad.hypervolumeContributions(List.of(new double[] {-0.9, 0.1}, new double[] {-0.7, 0.5},
                new double[] {-0.6, 0.4}, new double[] {-0.5, 0.3})), split.goodWeights(), 1e-12);
    }
}
