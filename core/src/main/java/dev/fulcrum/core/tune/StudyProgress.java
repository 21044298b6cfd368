package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.core.config.BudgetConfig;
import dev.fulcrum.core.pipeline.RunProgress;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The study's progress for a person, in the launcher's style: a line for each trial as it finishes
 * (how it ended, its values, its time and params), then a status line (trials done, pruned,
 * failed, running, the best value of each objective, the size of the front, and what the study's
 * budget allowed and was spent).
 */
final class StudyProgress {

    private final String study;
    private final List<Objective> objectives;
    private final int trials;
    private final BudgetConfig budget;
    private final RunProgress out;
    private final Set<Integer> told = new HashSet<>();

    /** @param budget the study's {@code tune.budget}, or {@code null} */
    StudyProgress(String study, List<Objective> objectives, int trials, BudgetConfig budget, RunProgress out) {
        this.study = study;
        this.objectives = List.copyOf(objectives);
        this.trials = trials;
        this.budget = budget;
        this.out = out;
    }

    /** Marks trials as told without telling them: those a resumed study had finished before. */
    synchronized void skip(List<TrialRecord> records) {
        records.stream().filter(t -> t.state().finished()).forEach(t -> told.add(t.number()));
    }

    /** Tells every trial that finished since the last call, then the status, if any did. */
    synchronized void update(List<TrialRecord> records) {
        boolean any = false;
        for (TrialRecord trial : records) {
            if (trial.state().finished() && told.add(trial.number())) {
                out.note(trialLine(trial));
                any = true;
            }
        }
        if (any) {
            out.note(statusLine(records));
        }
    }

    String trialLine(TrialRecord trial) {
        StringBuilder line = new StringBuilder("trial " + trial.number() + " " + trial.state().word());
        if (trial.state() == TrialState.COMPLETE) {
            if (!trial.feasible()) {
                line.append(" (infeasible: an audit gate failed)");
            }
            objectives.forEach(o -> line.append(String.format(Locale.ROOT, "  %s %.4f", o.metric(), trial.value(o))));
        } else if (trial.state() == TrialState.PRUNED) {
            line.append(" after epoch ").append(trial.lastStep());
        } else {
            line.append(": ").append(trial.error() == null ? "" : trial.error().lines().findFirst().orElse(""));
        }
        if (trial.started() != null && trial.finished() != null) {
            line.append(String.format(Locale.ROOT, "  %.1fs", Duration.between(trial.started(), trial.finished()).toMillis() / 1e3));
        }
        if (!trial.params().isEmpty()) {
            line.append("  ").append(trial.params().entrySet().stream()
                    .map(e -> e.getKey() + "=" + TrialValues.show(e.getValue())).collect(Collectors.joining(" ")));
        }
        return line.toString();
    }

    String statusLine(List<TrialRecord> records) {
        long done = records.stream().filter(t -> t.state().finished()).count();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "study %s: %d of %d trials done (%d pruned, %d failed), %d running",
                study, done, trials, count(records, TrialState.PRUNED), count(records, TrialState.FAILED),
                count(records, TrialState.RUNNING)));
        List<TrialRecord> usable = records.stream().filter(TrialRecord::usable).toList();
        for (Objective objective : objectives) {
            best(usable, objective).ifPresent(best -> line.append(String.format(Locale.ROOT, "; best %s %.4f (trial %d)",
                    objective.metric(), best.value(objective), best.number())));
        }
        line.append("; front ").append(ParetoFront.of(records, objectives).size());
        if (budget != null) {
            line.append("; budget: ").append(StudySpending.describe(budget, StudySpending.of(records)));
        }
        return line.toString();
    }

    private static long count(List<TrialRecord> records, TrialState state) {
        return records.stream().filter(t -> t.state() == state).count();
    }

    private static Optional<TrialRecord> best(List<TrialRecord> usable, Objective objective) {
        return usable.stream().reduce((a, b) -> objective.direction().better(b.value(objective), a.value(objective)) ? b : a);
    }
}
