package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.Direction;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StudyHypervolumeTest {

    private static final Objective ACCURACY = MadeUpTrials.SPECIFIC;
    private static final Objective LOSS = new Objective("validation.specific.loss", Direction.MINIMIZE);

    private static TrialRecord trial(int number, double accuracy, double loss, boolean feasible) {
        return new TrialRecord(number, TrialState.COMPLETE, Map.of(), Map.of(ACCURACY.metric(), accuracy, LOSS.metric(), loss),
                feasible, new TreeMap<>(), null, null, null, null, null);
    }

    @Test
    void aMaximisedAccuracyIsBoundedByZeroAndALossByTheWorstCompleteTrial() {
        // The infeasible trial 2 is off the front but its loss, the worst, sets the loss's reference.
        List<TrialRecord> trials = List.of(trial(0, 0.8, 0.5, true), trial(1, 0.6, 0.3, true), trial(2, 0.9, 0.9, false));
        List<Objective> objectives = List.of(ACCURACY, LOSS);
        StudyHypervolume volume = StudyHypervolume.of(trials, objectives, ParetoFront.of(trials, objectives)).orElseThrow();
        assertArrayEquals(new double[] {0, 0.9}, volume.reference());
        // Boxes [0, 0.8] x [0.5, 0.9] and [0, 0.6] x [0.3, 0.9]: 0.32 + 0.36 - 0.6 * 0.4.
        assertEquals(0.32 + 0.36 - 0.24, volume.value(), 1e-12);
    }

    @Test
    void aMinimisedAccuracyHasNoFixedBound() {
        Objective lowAccuracy = new Objective(ACCURACY.metric(), Direction.MINIMIZE);
        List<TrialRecord> trials = List.of(trial(0, 0.8, 0.5, true), trial(1, 0.6, 0.3, true));
        StudyHypervolume volume = StudyHypervolume.of(trials, List.of(lowAccuracy), ParetoFront.of(trials, List.of(lowAccuracy)))
                .orElseThrow();
        assertArrayEquals(new double[] {0.8}, volume.reference());
        assertEquals(0.2, volume.value(), 1e-12);
    }
}
