package dev.fulcrum.plugins.pruners;

import dev.fulcrum.api.tune.Direction;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.Pruner;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pruners on {@link SimulatedStudy studies of made-up learning curves}: the share of
 * trial-epochs they save against no pruning, and whether the best trial (with two objectives, the
 * front) of the complete trials stays what it is without pruning. The figures go to the output.
 */
class PruningSimulatedStudiesTest {

    private static final List<Objective> ONE_OBJECTIVE = List.of(new Objective("validation.specific.accuracy", Direction.MAXIMIZE));
    private static final List<Objective> TWO_OBJECTIVES = List.of(ONE_OBJECTIVE.get(0),
            new Objective("validation.general.loss", Direction.MINIMIZE));

    private static Pruner pruner(String type) {
        return switch (type) {
            case "asha" -> new AshaPrunerFactory().create(new AshaPrunerParams(null, null, null, null), null);
            case "median" -> new MedianPrunerFactory().create(new MedianPrunerParams(null, null, null, null), null);
            default -> new NonePrunerFactory().create(new NonePrunerParams(), null);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"asha", "median"})
    void theBestValueOfAStudyIsKept(String type) {
        Objective accuracy = ONE_OBJECTIVE.get(0);
        SimulatedStudy study = new SimulatedStudy(1, ONE_OBJECTIVE, 0);
        List<TrialRecord> unpruned = study.run(pruner("none"));
        List<TrialRecord> pruned = study.run(pruner(type));
        System.out.printf(Locale.ROOT, "%s, study seed 1: %d of %d trial-epochs run (%.1f%% saved), %d trials complete, best %.4f with "
                        + "pruning and %.4f without%n", type, pruned.stream().mapToInt(TrialRecord::lastStep).sum(),
                SimulatedStudy.TRIALS * SimulatedStudy.EPOCHS, 100 * study.shareSaved(pruned),
                pruned.stream().filter(t -> t.state() == TrialState.COMPLETE).count(),
                SimulatedStudy.best(pruned, accuracy), SimulatedStudy.best(unpruned, accuracy));
        assertEquals(SimulatedStudy.best(unpruned, accuracy), SimulatedStudy.best(pruned, accuracy));
    }

    /** On curves of one pace the order of the trials never changes, so the best (the front) must be kept. */
    @ParameterizedTest(name = "{0}, {1} objectives")
    @CsvSource({"asha, 1, 0.6", "asha, 2, 0.4", "median, 1, 0.4", "median, 2, 0.2"})
    void manyEpochsAreSavedAndTheFrontIsKept(String type, int objectives, double leastSaved) {
        List<Objective> studied = objectives == 1 ? ONE_OBJECTIVE : TWO_OBJECTIVES;
        SimulatedStudy.Figures figures = SimulatedStudy.Figures.measure(pruner(type), studied, 0, 10)
                .print(type + ", " + studied.size() + (studied.size() == 1 ? " objective" : " objectives"));
        assertEquals(0, figures.changed());
        assertTrue(figures.medianSaved() > leastSaved, "saved " + figures.medianSaved());
    }

    /** Curves that cross: a pruner judges early epochs, so it may lose a trial slow to start; the figures say how often. */
    @ParameterizedTest(name = "{0}, {1} objectives")
    @CsvSource({"asha, 1", "asha, 2", "median, 1", "median, 2"})
    void onCrossingCurvesEpochsAreSavedStill(String type, int objectives) {
        List<Objective> studied = objectives == 1 ? ONE_OBJECTIVE : TWO_OBJECTIVES;
        SimulatedStudy.Figures figures = SimulatedStudy.Figures.measure(pruner(type), studied, 3, 10)
                .print(type + ", " + studied.size() + (studied.size() == 1 ? " objective" : " objectives") + ", crossing curves (pace 2 to 8)");
        assertTrue(figures.medianSaved() > 0.1, "saved " + figures.medianSaved());
        assertTrue(figures.frontTrialsKept() > 0, "kept no trial of the fronts");
    }
}
