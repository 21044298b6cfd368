package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.Pruner;
import dev.fulcrum.api.tune.StudyStorage;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.core.train.EpochListener;
import dev.fulcrum.core.train.TrainingBudget;
import dev.fulcrum.core.train.TrialPruned;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trial's ear on its training loop: after each epoch, stores the validation metrics in the study
 * (keyed as objectives are, {@code validation.specific.accuracy}) with what the trial has spent
 * ({@link StudySpending}), asks the pruner, which sees every other trial's reports, whether to stop
 * here, and ends training after this epoch once the study's budget, counted over every trial, is spent.
 */
final class TrialEpochs implements EpochListener {

    private final StudyStorage storage;
    private final int trial;
    private final StudyPlan plan;

    TrialEpochs(StudyStorage storage, int trial, StudyPlan plan) {
        this.storage = storage;
        this.trial = trial;
        this.plan = plan;
    }

    @Override
    public Optional<String> epochDone(int epoch, Map<String, Map<String, Double>> validation, TrainingBudget.Spent spent) {
        Map<String, Double> report = flatten(validation);
        report.putAll(StudySpending.reportOf(spent));
        storage.report(trial, epoch, report);
        List<TrialRecord> trials = storage.trials();
        TrialRecord running = null;
        List<TrialRecord> others = new ArrayList<>();
        for (TrialRecord record : trials) {
            if (record.number() == trial) {
                running = record;
            } else {
                others.add(record);
            }
        }
        if (running == null) {
            throw new IllegalStateException("trial " + trial + " is not in its study");
        }
        Pruner pruner = plan.pruner().component();
        if (pruner.prune(plan.tune().objectives(), running, others)) {
            throw new TrialPruned(epoch);
        }
        return StudySpending.reached(plan.tune().budget(), StudySpending.of(trials));
    }

    /** {@code task -> metric -> value} as {@code validation.<task>.<metric> -> value}. */
    static Map<String, Double> flatten(Map<String, Map<String, Double>> validation) {
        Map<String, Double> flat = new LinkedHashMap<>();
        validation.forEach((task, metrics) -> metrics.forEach((metric, value) -> flat.put("validation." + task + "." + metric, value)));
        return flat;
    }
}
