package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.core.config.BudgetConfig;
import dev.fulcrum.core.train.TrainingBudget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a study's trials have spent on training, all together, against its {@code tune.budget}. Each
 * trial's epoch report carries what the trial has spent so far ({@value #SAMPLES}, {@value #FLOPS},
 * {@value #SECONDS} beside its validation metrics), so every worker, on any machine, sums the same
 * figures from the study's storage, and a study resumed later counts what earlier runs spent. A trial
 * re-queued after its worker died loses its reports, and with them what it had spent.
 */
final class StudySpending {

    static final String SAMPLES = "spent.samples";
    static final String FLOPS = "spent.flops";
    static final String SECONDS = "spent.seconds";

    private StudySpending() {
    }

    /** The report entries of a trial that has spent {@code spent}. */
    static Map<String, Double> reportOf(TrainingBudget.Spent spent) {
        Map<String, Double> report = new LinkedHashMap<>();
        report.put(SAMPLES, (double) spent.samples());
        report.put(FLOPS, spent.flops());
        report.put(SECONDS, spent.seconds());
        return report;
    }

    /** The sum over the trials of what each one's last report says it spent. */
    static TrainingBudget.Spent of(List<TrialRecord> trials) {
        long samples = 0;
        double flops = 0;
        double seconds = 0;
        for (TrialRecord trial : trials) {
            if (trial.intermediate().isEmpty()) {
                continue;
            }
            Map<String, Double> last = trial.intermediate().get(trial.lastStep());
            samples += last.getOrDefault(SAMPLES, 0.0).longValue();
            flops += last.getOrDefault(FLOPS, 0.0);
            seconds += last.getOrDefault(SECONDS, 0.0);
        }
        return new TrainingBudget.Spent(samples, flops, seconds);
    }

    /** The study's limit that {@code spent} reached, as {@code study.samples}; empty without a budget or while none is. */
    static Optional<String> reached(BudgetConfig budget, TrainingBudget.Spent spent) {
        return budget == null ? Optional.empty()
                : budget.reached(spent.samples(), spent.flops(), spent.seconds()).map(limit -> "study." + limit);
    }

    /** What was spent, e.g. {@code samples 12,000, flops 3.45e+10, seconds 31.2}. */
    static String describe(TrainingBudget.Spent spent) {
        return String.format(Locale.ROOT, "samples %,d, flops %.3g, seconds %.1f", spent.samples(), spent.flops(), spent.seconds());
    }

    /** One line: the limits and what was spent, e.g. {@code samples 12,000 of 10,000, seconds 31.2 of 60.0}. */
    static String describe(BudgetConfig budget, TrainingBudget.Spent spent) {
        StringBuilder line = new StringBuilder();
        if (budget.samples() != null) {
            line.append(String.format(Locale.ROOT, "samples %,d of %,d", spent.samples(), budget.samples()));
        }
        if (budget.flops() != null) {
            line.append(line.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "flops %.3g of %.3g", spent.flops(), budget.flops()));
        }
        if (budget.seconds() != null) {
            line.append(line.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "seconds %.1f of %.1f", spent.seconds(),
                    budget.seconds()));
        }
        return line.toString();
    }
}
