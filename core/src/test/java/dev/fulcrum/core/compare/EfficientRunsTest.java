package dev.fulcrum.core.compare;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EfficientRunsTest {

    private static EfficientRuns.Run run(Double specific, Double general, Double flops, Double seconds) {
        return new EfficientRuns.Run(specific, general, new RunCost(1000L, flops, seconds, 1L));
    }

    @Test
    void theCheapestRunWithinTheToleranceOfTheBestIsChosenOnEachSide() {
        List<EfficientRuns.Run> runs = List.of(
                run(0.8708, 0.8940, 9e12, 24.0),   // best on both sides, dearest
                run(0.8642, 0.2132, 2e12, 10.0),   // cheapest, but 0.66 points below the best specific
                run(0.8660, 0.8876, 5e12, 33.0),   // within half a point on specific, not on general
                run(0.8700, 0.8900, 7e12, 30.0));  // within half a point on both
        EfficientRuns.Choice choice = EfficientRuns.choose(runs, 0.005);
        assertEquals(Optional.of(2), choice.specific());
        assertEquals(Optional.of(3), choice.general());
        assertEquals(List.of("specific"), choice.sides(2));
        assertEquals(List.of(), choice.sides(1));
    }

    @Test
    void theEdgeOfTheToleranceCountsAsInsideAndTiesInFlopsGoToTheFasterRun() {
        List<EfficientRuns.Run> runs = List.of(run(0.8692, null, 9e12, 20.0), run(0.8642, null, 3e12, 12.0),
                run(0.8650, null, 3e12, 11.0));
        EfficientRuns.Choice choice = EfficientRuns.choose(runs, 0.005);
        assertEquals(Optional.of(2), choice.specific());
        assertEquals(Optional.empty(), choice.general(), "no run has a general side");
        assertEquals(Optional.of(0), EfficientRuns.choose(runs, 0).specific(), "tolerance 0 keeps only the best");
    }

    @Test
    void aRunWithoutTrainingFlopsTakesNoPart() {
        List<EfficientRuns.Run> runs = List.of(run(0.90, 0.90, null, 1.0), run(0.80, 0.80, 5e12, 9.0));
        assertEquals(Optional.of(1), EfficientRuns.choose(runs, 0.005).specific());
        assertThrows(IllegalArgumentException.class, () -> EfficientRuns.choose(runs, -0.1));
    }
}
