package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.math.pareto.CrowdingDistance;
import dev.fulcrum.math.pareto.NonDominatedSort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * NSGA-II's generations read back from a study's trials, as Optuna's {@code NSGAIISampler} does it,
 * without a generation stored on each trial: the complete trials in the order they completed
 * (trial number among equal times) form generation 0 from the first {@code populationSize}, then
 * generation 1 from the next, and so on; a generation counts once it is full. Pruned, failed,
 * running and waiting trials belong to none. Reading the order of completion rather than of
 * numbers keeps a full generation fixed when a trial started earlier completes later.
 *
 * <p>Each full generation joins the elite of those before it, and the best {@code populationSize}
 * of both become the next elite (Deb et al., "A fast and elitist multiobjective genetic algorithm:
 * NSGA-II", IEEE TEC 6(2), 2002, section III-C): whole fronts while they fit, then the loneliest
 * points of the front that does not. A complete trial that broke a constraint ({@code feasible}
 * false) ranks after every feasible one, by constrained domination (section VI); as the study
 * knows no amount of violation, all infeasible trials share one last front.
 */
final class EliteSelection {

    private static final Comparator<TrialRecord> COMPLETION_ORDER = Comparator
            .comparing(TrialRecord::finished, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparingInt(TrialRecord::number);

    /** The full generations of the last history asked about and the elite after each. */
    private record Chain(List<Objective> objectives, List<List<TrialRecord>> generations, List<List<RankedTrial>> elites) {
    }

    private final int populationSize;
    /**
     * A study asks with one trial more each time, so the generations it asked about last are those
     * it asks about now: only a new generation needs sorting. Checked by equality, so any history,
     * of any study, gets its own elite.
     */
    private volatile Chain last = new Chain(List.of(), List.of(), List.of());

    EliteSelection(int populationSize) {
        this.populationSize = populationSize;
    }

    /** The parent population after the last full generation; empty while generation 0 is not full. */
    List<RankedTrial> parents(List<Objective> objectives, List<TrialRecord> trials) {
        List<TrialRecord> complete = inCompletionOrder(trials);
        Chain cached = last;
        boolean same = cached.objectives().equals(objectives);
        List<List<TrialRecord>> generations = new ArrayList<>();
        List<List<RankedTrial>> elites = new ArrayList<>();
        List<RankedTrial> elite = List.of();
        for (int g = 0; (g + 1) * populationSize <= complete.size(); g++) {
            List<TrialRecord> members = List.copyOf(complete.subList(g * populationSize, (g + 1) * populationSize));
            same = same && g < cached.generations().size() && cached.generations().get(g).equals(members);
            if (same) {
                elite = cached.elites().get(g);
            } else {
                List<TrialRecord> pool = new ArrayList<>(elite.stream().map(RankedTrial::trial).toList());
                pool.addAll(members);
                elite = best(objectives, pool, populationSize);
            }
            generations.add(members);
            elites.add(elite);
        }
        last = new Chain(List.copyOf(objectives), generations, elites);
        return elite;
    }

    private static List<TrialRecord> inCompletionOrder(List<TrialRecord> trials) {
        List<TrialRecord> complete = new ArrayList<>();
        boolean ordered = true;
        for (TrialRecord trial : trials) {
            if (trial.state() == TrialState.COMPLETE) {
                ordered = ordered && (complete.isEmpty() || COMPLETION_ORDER.compare(complete.get(complete.size() - 1), trial) <= 0);
                complete.add(trial);
            }
        }
        if (!ordered) {
            complete.sort(COMPLETION_ORDER);
        }
        return complete;
    }

    /** The best {@code size} of {@code pool}, front by front, each with its rank and crowding distance. */
    static List<RankedTrial> best(List<Objective> objectives, List<TrialRecord> pool, int size) {
        List<RankedTrial> chosen = new ArrayList<>();
        List<List<TrialRecord>> fronts = fronts(objectives, pool);
        for (int rank = 0; rank < fronts.size() && chosen.size() < size; rank++) {
            List<TrialRecord> front = fronts.get(rank);
            double[] crowding = CrowdingDistance.of(minimised(objectives, front));
            List<RankedTrial> ranked = new ArrayList<>();
            for (int i = 0; i < front.size(); i++) {
                ranked.add(new RankedTrial(front.get(i), rank, crowding[i]));
            }
            if (chosen.size() + ranked.size() > size) {
                ranked.sort(Comparator.comparingDouble(RankedTrial::crowding).reversed()
                        .thenComparingInt(r -> r.trial().number()));
                ranked = ranked.subList(0, size - chosen.size());
            }
            chosen.addAll(ranked);
        }
        return chosen;
    }

    /** The feasible trials' non-dominated fronts, then one front of the infeasible ones. */
    private static List<List<TrialRecord>> fronts(List<Objective> objectives, List<TrialRecord> pool) {
        List<TrialRecord> feasible = pool.stream().filter(TrialRecord::feasible).toList();
        List<TrialRecord> infeasible = pool.stream().filter(t -> !t.feasible()).toList();
        List<List<TrialRecord>> fronts = new ArrayList<>();
        for (List<Integer> front : NonDominatedSort.fronts(minimised(objectives, feasible))) {
            fronts.add(front.stream().map(feasible::get).toList());
        }
        if (!infeasible.isEmpty()) {
            fronts.add(infeasible);
        }
        return fronts;
    }

    private static double[][] minimised(List<Objective> objectives, List<TrialRecord> trials) {
        double[][] points = new double[trials.size()][objectives.size()];
        for (int i = 0; i < trials.size(); i++) {
            for (int m = 0; m < objectives.size(); m++) {
                points[i][m] = objectives.get(m).toMinimised(trials.get(i).value(objectives.get(m)));
            }
        }
        return points;
    }
}
