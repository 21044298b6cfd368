package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.Direction;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.TrialRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.fulcrum.core.tune.MadeUpTrials.BOTH;
import static dev.fulcrum.core.tune.MadeUpTrials.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ParetoFrontTest {

    private static List<Integer> numbers(List<TrialRecord> trials) {
        return trials.stream().map(TrialRecord::number).toList();
    }

    @Test
    void theFrontHoldsTheUsableTrialsNoOtherDominatesInNumberOrder() {
        List<TrialRecord> trials = List.of(
                complete(5, 0.80, 0.90),
                complete(1, 0.90, 0.70),
                complete(2, 0.85, 0.60),                                             // dominated by 1
                complete(3, Map.of(), 0.99, 0.99, false),                             // infeasible: never on the front
                MadeUpTrials.pruned(4, 2), MadeUpTrials.failed(6, "NaN loss"), MadeUpTrials.running(7),
                complete(8, 0.70, 0.95),
                complete(9, 0.75, 0.80));                                            // dominated by 5
        assertEquals(List.of(1, 5, 8), numbers(ParetoFront.of(trials, BOTH)));
    }

    @Test
    void trialsWithEqualValuesAreAllKept() {
        List<TrialRecord> trials = List.of(complete(0, 0.8, 0.8), complete(1, 0.8, 0.8), complete(2, 0.7, 0.7));
        assertEquals(List.of(0, 1), numbers(ParetoFront.of(trials, BOTH)));
    }

    @Test
    void eachObjectiveCountsInItsOwnDirection() {
        List<TrialRecord> trials = List.of(complete(0, 0.8, 0.2), complete(1, 0.9, 0.3), complete(2, 0.7, 0.1));
        Objective lowGeneral = new Objective(MadeUpTrials.GENERAL.metric(), Direction.MINIMIZE);
        assertEquals(List.of(1), numbers(ParetoFront.of(trials, BOTH)));
        assertEquals(List.of(0, 1, 2), numbers(ParetoFront.of(trials, List.of(MadeUpTrials.SPECIFIC, lowGeneral))));
        assertEquals(List.of(2), numbers(ParetoFront.of(trials, List.of(lowGeneral))));
    }

    @Test
    void aStudyWithoutUsableTrialsHasAnEmptyFront() {
        assertEquals(List.of(), ParetoFront.of(List.of(MadeUpTrials.pruned(0, 1), MadeUpTrials.waiting(1)), BOTH));
        assertEquals(List.of(), ParetoFront.of(List.of(), BOTH));
    }
}
