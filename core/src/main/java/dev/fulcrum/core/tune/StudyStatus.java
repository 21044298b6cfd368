package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code fulcrum tune --status}: a study's progress in a few lines: trials by state, the best value
 * of each objective, the front, its hypervolume, the selected trial, and what the trials spent on
 * training (which a {@code tune.budget} limits; the budget itself is the launcher's to say, not the
 * study database's, since it may change on resume).
 */
public final class StudyStatus {

    private StudyStatus() {
    }

    /**
     * @param select {@code tune.select}, or {@code null}; a rule on metrics other than the objectives
     *               reads the trials' {@code summary.json}, so their run folders should be absolute
     */
    public static void print(PrintStream out, String studyName, List<Objective> objectives, SelectRule select,
                             List<TrialRecord> trials) {
        out.println("study " + studyName + ": " + trials.size() + " trials: " + counts(trials));
        List<TrialRecord> usable = trials.stream().filter(TrialRecord::usable)
                .sorted(Comparator.comparingInt(TrialRecord::number)).toList();
        for (Objective objective : objectives) {
            out.println("best " + objective.metric() + " (" + objective.direction().word() + "): " + Selection.bestOn(usable, objective)
                    .map(trial -> number(trial.value(objective)) + ", trial " + trial.number()).orElse("none yet"));
        }
        List<TrialRecord> front = ParetoFront.of(trials, objectives);
        out.println("front: " + (front.isEmpty() ? "none yet" : front.size() + (front.size() == 1 ? " trial: " : " trials: ")
                + String.join(", ", front.stream().map(trial -> String.valueOf(trial.number())).toList())));
        out.println("hypervolume: " + StudyHypervolume.of(trials, objectives, front).map(hypervolume -> {
            List<String> reference = new ArrayList<>();
            for (int m = 0; m < objectives.size(); m++) {
                reference.add(objectives.get(m).metric() + " " + number(hypervolume.reference()[m]));
            }
            return String.format(Locale.ROOT, "%.6f", hypervolume.value()) + " against the reference point ("
                    + String.join(", ", reference) + ")";
        }).orElse("none yet (no complete trial)"));
        Selection selection = Selection.of(select, front, objectives, new TrialFolders(null));
        out.println("selected: " + (selection.trial() == null ? "" : "trial " + selection.trial().number() + ", ") + selection.how());
        out.println("spent on training, all trials: " + StudySpending.describe(StudySpending.of(trials)));
        out.flush();
    }

    private static String counts(List<TrialRecord> trials) {
        long infeasible = trials.stream().filter(t -> t.state() == TrialState.COMPLETE && !t.feasible()).count();
        return count(trials, TrialState.COMPLETE) + " complete" + (infeasible > 0 ? " (" + infeasible + " infeasible)" : "")
                + ", " + count(trials, TrialState.PRUNED) + " pruned, " + count(trials, TrialState.FAILED) + " failed, "
                + count(trials, TrialState.RUNNING) + " running, " + count(trials, TrialState.WAITING) + " waiting";
    }

    private static long count(List<TrialRecord> trials, TrialState state) {
        return trials.stream().filter(trial -> trial.state() == state).count();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
