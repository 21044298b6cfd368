package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.TrialRecord;

import java.util.List;
import java.util.Optional;

/**
 * The trial a study hands its user, and how it was picked: by {@code tune.select}, or without a
 * rule the front trial best on the first objective (the first in number order on a tie).
 *
 * @param trial the selected trial, or {@code null} when none is
 * @param rule  {@code tune.select}, or {@code null} when the study has none
 * @param how   how the trial was picked, or why none was
 */
record Selection(TrialRecord trial, SelectRule rule, String how) {

    static Selection of(SelectRule rule, List<TrialRecord> front, List<Objective> objectives, TrialFolders folders) {
        if (front.isEmpty()) {
            return new Selection(null, rule, "none: the front is empty (no complete, feasible trial yet)");
        }
        if (rule != null) {
            Optional<TrialRecord> selected = rule.select(front, folders::metrics);
            return selected.map(trial -> new Selection(trial, rule, "by " + rule))
                    .orElseGet(() -> new Selection(null, rule, rule.constraints().isEmpty()
                            ? "none: no front trial has " + rule.metric()
                            : "none: no front trial meets " + rule.constraintsText()));
        }
        Objective first = objectives.get(0);
        return new Selection(bestOn(front, first).orElseThrow(), null, "without tune.select: the front trial best on "
                + first.metric() + " (" + first.direction().word() + ")");
    }

    /** The trial best on one objective among complete ones, the first in the list's order on a tie; empty for none. */
    static Optional<TrialRecord> bestOn(List<TrialRecord> complete, Objective objective) {
        TrialRecord best = null;
        for (TrialRecord trial : complete) {
            if (best == null || objective.direction().better(trial.value(objective), best.value(objective))) {
                best = trial;
            }
        }
        return Optional.ofNullable(best);
    }

    boolean selects(TrialRecord candidate) {
        return trial != null && trial.number() == candidate.number();
    }
}
