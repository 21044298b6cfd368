package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.Sampler;
import dev.fulcrum.api.tune.SearchSpace;
import dev.fulcrum.api.tune.TrialRecord;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * NSGA-II (Deb et al., "A fast and elitist multiobjective genetic algorithm: NSGA-II", IEEE TEC
 * 6(2), 2002) as a sampler over the study's history, after Optuna's {@code NSGAIISampler}: while
 * the first generation fills, trials are drawn at random; after it, each trial is a child of two
 * parents from the elite ({@link EliteSelection}), each parent the winner of a binary tournament on
 * front and crowding distance, crossed with {@code crossover-prob} (else a copy of the first) and
 * mutated. With one objective the fronts are the levels of its value: a plain elitist GA.
 */
final class Nsga2Sampler implements Sampler {

    /** Optuna's SBX default: a wide spread (2) for one objective, a narrow one (20) for several. */
    private static final double SBX_ETA_ONE_OBJECTIVE = 2;
    private static final double SBX_ETA_SEVERAL_OBJECTIVES = 20;

    private final Nsga2SamplerParams params;
    private final EliteSelection selection;

    Nsga2Sampler(Nsga2SamplerParams params) {
        this.params = params;
        this.selection = new EliteSelection(params.populationSize());
    }

    @Override
    public Map<String, Object> suggest(SearchSpace space, List<Objective> objectives, List<TrialRecord> trials, long trialSeed) {
        SplittableRandom random = new SplittableRandom(trialSeed);
        List<RankedTrial> parents = selection.parents(objectives, trials);
        if (parents.isEmpty()) {
            return UniformDraws.draw(space, random);
        }
        RankedTrial first = tournament(parents, random);
        RankedTrial second = parents.size() > 1 && random.nextDouble() < params.crossoverProb() ? tournament(parents, random) : first;
        return offspring(space, objectives).child(first.trial().params(), second.trial().params(), random);
    }

    private Offspring offspring(SearchSpace space, List<Objective> objectives) {
        double mutationProb = params.mutationProb() != null ? params.mutationProb() : 1.0 / Math.max(1, space.parameters().size());
        Double eta = Nsga2SamplerParams.SBX.equals(params.crossover())
                ? (objectives.size() == 1 ? SBX_ETA_ONE_OBJECTIVE : SBX_ETA_SEVERAL_OBJECTIVES)
                : null;
        return new Offspring(space, mutationProb, params.swappingProb(), eta);
    }

    /** Binary tournament: the better of two different members drawn at random, the first drawn on a tie. */
    private static RankedTrial tournament(List<RankedTrial> parents, SplittableRandom random) {
        if (parents.size() == 1) {
            return parents.get(0);
        }
        int i = random.nextInt(parents.size());
        int j = random.nextInt(parents.size() - 1);
        RankedTrial a = parents.get(i);
        RankedTrial b = parents.get(j >= i ? j + 1 : j);
        return b.beats(a) ? b : a;
    }
}
