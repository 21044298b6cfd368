package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.core.config.BudgetConfig;
import dev.fulcrum.core.train.TrainingBudget;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StudySpendingTest {

    @Test
    void sumsWhatEachTrialsLastReportSaysItSpent() {
        List<TrialRecord> trials = List.of(
                trial(0, TrialState.COMPLETE, new TrainingBudget.Spent(1000, 3e9, 2.0), new TrainingBudget.Spent(2000, 6e9, 4.0)),
                trial(1, TrialState.PRUNED, new TrainingBudget.Spent(1000, 3e9, 2.5)),
                trial(2, TrialState.RUNNING, new TrainingBudget.Spent(500, 1e9, 1.0), new TrainingBudget.Spent(1500, 4e9, 3.0)),
                MadeUpTrials.pruned(3, 2),
                MadeUpTrials.waiting(4));

        TrainingBudget.Spent spent = StudySpending.of(trials);

        assertEquals(new TrainingBudget.Spent(4500, 1.3e10, 9.5), spent, "reports without spending (older studies) count 0");
        assertEquals("samples 4,500, flops 1.30e+10, seconds 9.5", StudySpending.describe(spent));
    }

    @Test
    void namesTheStudysLimitThatWasReached() {
        TrainingBudget.Spent spent = new TrainingBudget.Spent(4500, 1.3e10, 9.5);
        assertEquals(Optional.empty(), StudySpending.reached(null, spent));
        assertEquals(Optional.empty(), StudySpending.reached(new BudgetConfig(10.0, 5000L, 2e10), spent));
        assertEquals(Optional.of("study.samples"), StudySpending.reached(new BudgetConfig(null, 4500L, null), spent));
        assertEquals(Optional.of("study.flops"), StudySpending.reached(new BudgetConfig(9.0, null, 1e10), spent),
                "in the order samples, flops, seconds, as a run's budget");
        assertEquals(Optional.of("study.seconds"), StudySpending.reached(new BudgetConfig(9.5, 9000L, null), spent));
        assertEquals("samples 4,500 of 5,000, seconds 9.5 of 10.0",
                StudySpending.describe(new BudgetConfig(10.0, 5000L, null), spent));
    }

    @Test
    void aReportCarriesTheSpendingUnderItsOwnKeys() {
        assertEquals(Map.of("spent.samples", 1500.0, "spent.flops", 4e9, "spent.seconds", 3.0),
                StudySpending.reportOf(new TrainingBudget.Spent(1500, 4e9, 3.0)));
    }

    private static TrialRecord trial(int number, TrialState state, TrainingBudget.Spent... perEpoch) {
        TreeMap<Integer, Map<String, Double>> reports = new TreeMap<>();
        for (int epoch = 0; epoch < perEpoch.length; epoch++) {
            Map<String, Double> report = new LinkedHashMap<>(Map.of("validation.specific.accuracy", 0.5));
            report.putAll(StudySpending.reportOf(perEpoch[epoch]));
            reports.put(epoch + 1, report);
        }
        return new TrialRecord(number, state, Map.of(), Map.of(), true, reports, "trial-" + number, null, "w1", null, null);
    }
}
