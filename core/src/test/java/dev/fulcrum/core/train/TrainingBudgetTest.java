package dev.fulcrum.core.train;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.api.train.Phase;
import dev.fulcrum.api.train.PhaseResult;
import dev.fulcrum.core.config.BudgetConfig;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.MetricsLog;
import dev.fulcrum.core.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Budgets through the host's session, on a real DL4J graph and 600 rows (480 of them training rows). */
class TrainingBudgetTest {

    private static final int TRAINING_ROWS = 480;
    /** trunk 4 -> 8 (2 * 4 * 8 + 8), two heads 8 -> 2 (2 * 8 * 2 + 2 each). */
    private static final long FORWARD_FLOPS = 72 + 34 + 34;

    @TempDir
    Path folder;

    private HostTrainingSession session(TrainableModel model, Dataset data, TrainingBudget budget) {
        HostRunContext context = new HostRunContext(1, RunFolder.at(folder.resolve("run")));
        return new HostTrainingSession(model, data, List.of(), context, new MetricsLog(context.folder()), TrainingProgress.SILENT,
                () -> { }, EpochListener.NONE, budget);
    }

    private static Phase pretrain(int epochs) {
        return Phase.named("pretrain").task("general").epochs(epochs).batchSize(32).learningRate(1e-2).build();
    }

    private static Phase finetune() {
        return Phase.named("finetune").task("specific").epochs(4).batchSize(32).learningRate(1e-2).keepStartingPointAfter(0).build();
    }

    @Test
    void aSamplesBudgetEndsTrainingAfterTheEpochItRanOutInAndLaterPhasesRunNoEpoch() {
        TrainableModel model = InterpolationTest.model(false, 8);
        TrainingBudget budget = TrainingBudget.of(new BudgetConfig(null, 1000L, null));
        HostTrainingSession session = session(model, InterpolationTest.data(), budget);

        PhaseResult first = session.fit(pretrain(10));
        PhaseResult second = session.fit(finetune());

        assertEquals(3, first.epochsRun(), "960 samples after two epochs are under 1000, 1440 after three are not");
        assertEquals(0, second.epochsRun());
        assertEquals(new TrainingBudget.Stop("samples", "pretrain", 3, 3), budget.stop().orElseThrow());
        assertEquals(3L * TRAINING_ROWS, budget.samples());
        assertEquals(3.0 * FORWARD_FLOPS * 3 * TRAINING_ROWS, budget.flops());
        assertTrue(session.startingPoint().isPresent(), "the skipped phase still keeps theta_0, so the strategy can go on");
        List<PhaseCost> costs = session.costs();
        assertEquals(3L * TRAINING_ROWS, costs.get(0).samples());
        assertEquals(40 + 18, costs.get(0).trainableParameters(), "trunk and general head; the specific head is frozen");
        assertEquals(FORWARD_FLOPS, costs.get(0).forwardFlops());
        assertEquals(new PhaseCost("finetune", 0, 0, 0, 0, 0, 0, Map.of()), costs.get(1));
    }

    @Test
    void aSecondsBudgetStopsAfterTheFirstEpochThatReachesIt() {
        TrainingBudget budget = TrainingBudget.of(new BudgetConfig(1e-9, null, null));
        HostTrainingSession session = session(InterpolationTest.model(false, 8), InterpolationTest.data(), budget);
        assertEquals(1, session.fit(pretrain(10)).epochsRun());
        assertEquals("seconds", budget.stop().orElseThrow().limit());
    }

    @Test
    void aBudgetBelowOneEpochOfTheFirstPhaseIsRefusedBeforeTraining() {
        TrainableModel model = InterpolationTest.model(false, 8);
        HostTrainingSession samples = session(model, InterpolationTest.data(), TrainingBudget.of(new BudgetConfig(null, 100L, null)));
        TrainingBudget.BudgetTooSmall tooFew = assertThrows(TrainingBudget.BudgetTooSmall.class, () -> samples.fit(pretrain(10)));
        assertEquals("budget.samples: 100 samples are less than one epoch of phase pretrain (480 samples); give at least 480",
                tooFew.getMessage());
        assertTrue(samples.results().isEmpty());

        HostTrainingSession flops = session(model, InterpolationTest.data(), TrainingBudget.of(new BudgetConfig(null, null, 1e5)));
        TrainingBudget.BudgetTooSmall tooLittle = assertThrows(TrainingBudget.BudgetTooSmall.class, () -> flops.fit(pretrain(10)));
        assertEquals("flops", tooLittle.limit());
        assertEquals("1.000e+05 FLOPs are less than one epoch of phase pretrain (2.016e+05 training FLOPs); give at least 2.016e+05",
                tooLittle.problem());
    }
}
