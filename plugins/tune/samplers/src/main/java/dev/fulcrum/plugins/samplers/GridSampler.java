package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.Sampler;
import dev.fulcrum.api.tune.SearchSpace;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Grid search: the first combination, in the study's order, that no trial holds yet; once every one
 * is held, the first whose trials all failed; then the grid again from its start. The order is the
 * study's, not the trial's, so that every worker walks the same one: shuffled from the study's seed
 * (as Optuna's {@code GridSampler} visits its grid in random order), or as declared.
 */
final class GridSampler implements Sampler {

    /** A space's combinations in this sampler's order, and the position of each. */
    private record Ordered(SearchSpace space, List<Map<String, Object>> order, Map<Map<String, Object>, Integer> positions) {
    }

    private final Long shuffleSeed;
    /** The grid of the last space asked about: a study asks about one space, every trial. */
    private volatile Ordered last;

    /** @param shuffleSeed the seed of the order, or {@code null} for the declared order */
    GridSampler(Long shuffleSeed) {
        this.shuffleSeed = shuffleSeed;
    }

    @Override
    public Map<String, Object> suggest(SearchSpace space, List<Objective> objectives, List<TrialRecord> trials, long trialSeed) {
        Ordered grid = ordered(space);
        int size = grid.order().size();
        int[] held = new int[size];
        int[] alive = new int[size];
        for (TrialRecord trial : trials) {
            Integer position = grid.positions().get(trial.params());
            if (position != null) {
                held[position]++;
                if (trial.state() != TrialState.FAILED) {
                    alive[position]++;
                }
            }
        }
        // Fewest trials that did not fail first; among those, one no trial holds before one whose trials failed.
        int best = 0;
        for (int i = 1; i < size; i++) {
            if (alive[i] < alive[best] || alive[i] == alive[best] && held[i] == 0 && held[best] > 0) {
                best = i;
            }
        }
        return grid.order().get(best);
    }

    private Ordered ordered(SearchSpace space) {
        Ordered cached = last;
        if (cached != null && cached.space().equals(space)) {
            return cached;
        }
        List<Map<String, Object>> order = new ArrayList<>(Grid.combinations(space));
        if (shuffleSeed != null) {
            // Fisher-Yates (Knuth, TAOCP vol. 2, algorithm 3.4.2 P)
            SplittableRandom random = new SplittableRandom(shuffleSeed);
            for (int i = order.size() - 1; i > 0; i--) {
                Collections.swap(order, i, random.nextInt(i + 1));
            }
        }
        Map<Map<String, Object>, Integer> positions = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            positions.put(order.get(i), i);
        }
        Ordered ordered = new Ordered(space, List.copyOf(order), positions);
        last = ordered;
        return ordered;
    }
}
