package dev.fulcrum.plugins.pruners;

import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.Pruner;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.math.pareto.NonDominatedSort;

import java.util.ArrayList;
import java.util.List;

/**
 * Asynchronous Successive Halving (ASHA): Li et al., "A System for Massively Parallel
 * Hyperparameter Tuning", MLSys 2020, in its stopping form, where a trial that is not promoted at
 * a rung is pruned there. The per-trial decision follows Optuna's {@code SuccessiveHalvingPruner}
 * ({@code optuna/pruners/_successive_halving.py}).
 *
 * <p>Rungs are at epochs {@code min-resource * reduction-factor ^ (min-early-stopping-rate + k)},
 * {@code k = 0, 1, ...}; the trial is judged only when its last step is a rung's epoch. The trials
 * at the rung are every trial, in any state, with a report at that epoch, the running one
 * included; of these {@code n}, the best {@code max(1, floor(n / reduction-factor))} are promoted
 * (the paper's {@code floor(|rung| / eta)}, with at least one as Optuna, so that while a rung holds
 * fewer than {@code reduction-factor} trials a trial goes on only when none there is better).
 *
 * <p>"Best" is by non-dominated sorting of the trials' values at the rung, every judged objective
 * minimised (Deb et al. 2002, {@link NonDominatedSort}): the trial is promoted when fewer than the
 * promoted count of the trials lie in fronts before its own, that is when its front is among the
 * fronts that hold the best ones. With one objective the fronts are the distinct values in order
 * and this is Optuna's rule, ties with the last promoted value included. {@code primary} ranks by
 * one named objective instead. A trial whose value at its rung is NaN is pruned, as in Optuna.
 */
final class AshaPruner implements Pruner {

    private final AshaPrunerParams params;

    AshaPruner(AshaPrunerParams params) {
        this.params = params;
    }

    @Override
    public boolean prune(List<Objective> objectives, TrialRecord running, List<TrialRecord> others) {
        JudgedObjectives judged = JudgedObjectives.of(objectives, params.primary());
        int step = running.lastStep();
        double[] own = isRung(step) ? judged.pointAt(running, step) : null;
        if (own == null) {
            return false;
        }
        if (JudgedObjectives.diverged(own)) {
            return true;
        }
        List<double[]> rung = new ArrayList<>();
        rung.add(own);
        for (TrialRecord other : others) {
            double[] point = judged.pointAt(other, step);
            if (point != null) {
                rung.add(point);
            }
        }
        int promoted = Math.max(1, rung.size() / params.reductionFactor());
        int[] fronts = NonDominatedSort.ranks(rung.toArray(double[][]::new));
        int ahead = 0;
        for (int front : fronts) {
            ahead += front < fronts[0] ? 1 : 0;
        }
        return ahead >= promoted;
    }

    private boolean isRung(int step) {
        long rung = params.firstRung();
        while (rung < step) {
            rung *= params.reductionFactor();
        }
        return rung == step;
    }
}
