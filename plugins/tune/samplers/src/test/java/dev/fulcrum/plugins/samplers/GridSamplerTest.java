package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.tune.ChoiceParameter;
import dev.fulcrum.api.tune.FixedParameter;
import dev.fulcrum.api.tune.FloatParameter;
import dev.fulcrum.api.tune.IntParameter;
import dev.fulcrum.api.tune.Sampler;
import dev.fulcrum.api.tune.SearchSpace;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.testkit.SamplerContract;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridSamplerTest extends SamplerContract {

    private static final long STUDY_SEED = 42;

    /** A choice of three; x (three steps) only for a; n (three values); a fixed value: 3 x 3 + 3 + 3 = 15 combinations. */
    private static final SearchSpace SMALL = new SearchSpace(List.of(
            new ChoiceParameter("type", List.of("a", "b", "c"), Map.of()),
            new FloatParameter("x", 0, 1, false, 0.5, Map.of("type", List.of("a"))),
            new IntParameter("n", 1, 3, false, 1, Map.of()),
            new FixedParameter("f", "same", Map.of())));

    @Override
    protected Sampler sampler() {
        return grid(STUDY_SEED, true);
    }

    /** The grid's order comes from the study's seed, so the first trial is the same whatever its own seed. */
    @Override
    protected boolean drawsFromTheSeed() {
        return false;
    }

    /** The contract's space with steps: 3 types, 4 rates, 4 shares for multi-task only, 5 epoch counts, 2 widths: 240 combinations. */
    @Override
    protected SearchSpace space() {
        return new SearchSpace(List.of(
                new ChoiceParameter("strategy.type", List.of("multi-task", "pretrain-finetune", "layer-wise"), Map.of()),
                new FloatParameter("strategy.learning-rate", 1e-3, 1e-2, false, 3e-3, Map.of()),
                new FloatParameter("strategy.specific-share", 0.05, 0.5, false, 0.15,
                        Map.of("strategy.type", List.of("multi-task"))),
                new IntParameter("strategy.epochs", 1, 9, false, 2, Map.of()),
                new ChoiceParameter("model.hidden", List.of(List.of(256L, 128L), List.of(512L, 256L)), Map.of()),
                new FixedParameter("split.validation", 0.2, Map.of())));
    }

    private static Sampler grid(long studySeed, boolean shuffle) {
        return new GridSamplerFactory().create(new GridSamplerParams(shuffle), StudyContexts.seeded(studySeed));
    }

    @Test
    void aConditionalParameterMultipliesOnlyTheCombinationsWhereItIsActive() {
        assertEquals(15, Grid.combinations(SMALL).size());
        assertEquals(4 * 4 * 5 * 2 + 2 * 4 * 5 * 2, Grid.combinations(space()).size());
        assertEquals(List.of(Map.of()), Grid.combinations(new SearchSpace(List.of())));
    }

    @Test
    void fifteenTrialsVisitEachOfTheFifteenCombinationsOnce() {
        Set<Map<String, Object>> expected = new HashSet<>();
        for (String type : List.of("a", "b", "c")) {
            for (long n = 1; n <= 3; n++) {
                if (type.equals("a")) {
                    for (double x : List.of(0.0, 0.5, 1.0)) {
                        expected.add(Map.of("type", type, "x", x, "n", n, "f", "same"));
                    }
                } else {
                    expected.add(Map.of("type", type, "n", n, "f", "same"));
                }
            }
        }
        for (long studySeed = 0; studySeed < 5; studySeed++) {
            Sampler sampler = grid(studySeed, true);
            List<TrialRecord> trials = new ArrayList<>();
            for (int n = 0; n < 15; n++) {
                Map<String, Object> params = sampler.suggest(SMALL, TWO_OBJECTIVES, trials, trialSeed(studySeed, n));
                assertTrue(SMALL.admits(params), "study seed " + studySeed + ", trial " + n + ": " + params);
                // Held in any state, running and pruned too, so that a parallel worker takes another combination.
                TrialState state = List.of(TrialState.RUNNING, TrialState.PRUNED, TrialState.COMPLETE).get(n % 3);
                trials.add(trial(n, state, params));
            }
            Set<Map<String, Object>> visited = new HashSet<>();
            trials.forEach(t -> visited.add(t.params()));
            assertEquals(expected, visited, "study seed " + studySeed + ": every combination, each once");
        }
    }

    @Test
    void aFullGridRetriesTheCombinationsWhoseTrialsFailedThenStartsAgain() {
        Sampler sampler = grid(3, true);
        List<TrialRecord> trials = new ArrayList<>();
        for (int n = 0; n < 15; n++) {
            Map<String, Object> params = sampler.suggest(SMALL, TWO_OBJECTIVES, trials, trialSeed(3, n));
            trials.add(trial(n, n == 4 || n == 9 ? TrialState.FAILED : TrialState.COMPLETE, params));
        }
        List<Map<String, Object>> next = new ArrayList<>();
        for (int n = 15; n < 19; n++) {
            Map<String, Object> params = sampler.suggest(SMALL, TWO_OBJECTIVES, trials, trialSeed(3, n));
            next.add(params);
            trials.add(trial(n, TrialState.COMPLETE, params));
        }
        assertEquals(List.of(trials.get(4).params(), trials.get(9).params(), trials.get(0).params(), trials.get(1).params()), next,
                "study seed 3: the two failed combinations again, then the grid from its start");
    }

    @Test
    void theOrderIsShuffledFromTheStudySeedOrDeclared() {
        List<Map<String, Object>> declared = walk(grid(1, false), 15);
        assertEquals(Grid.combinations(SMALL), declared);
        assertEquals(Map.of("type", "a", "x", 0.0, "n", 1L, "f", "same"), declared.get(0));
        assertEquals(Map.of("type", "a", "x", 0.0, "n", 2L, "f", "same"), declared.get(1));
        List<Map<String, Object>> first = walk(grid(1, true), 15);
        List<Map<String, Object>> second = walk(grid(2, true), 15);
        assertEquals(first, walk(grid(1, true), 15), "study seed 1 walks one order");
        assertNotEquals(declared, first, "study seed 1");
        assertNotEquals(first, second, "study seeds 1 and 2");
        assertEquals(new HashSet<>(declared), new HashSet<>(first), "study seed 1: a permutation");
    }

    @Test
    void aFloatWithoutAStepIsRefusedByPath() {
        SearchSpace space = new SearchSpace(List.of(
                new IntParameter("model.width", 8, 64, false, 8, Map.of()),
                new FloatParameter("strategy.learning-rate", 1e-4, 1e-2, true, null, Map.of())));
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> sampler().suggest(space, TWO_OBJECTIVES, List.of(), 0));
        assertEquals("strategy.learning-rate: grid needs a step", error.getMessage());
    }

    private static List<Map<String, Object>> walk(Sampler sampler, int count) {
        List<TrialRecord> trials = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            trials.add(trial(n, TrialState.COMPLETE, sampler.suggest(SMALL, TWO_OBJECTIVES, trials, n)));
        }
        return trials.stream().map(TrialRecord::params).toList();
    }

    private static TrialRecord trial(int number, TrialState state, Map<String, Object> params) {
        if (state == TrialState.COMPLETE) {
            return complete(number, params, TWO_OBJECTIVES);
        }
        return new TrialRecord(number, state, new LinkedHashMap<>(params), Map.of(), true, new TreeMap<>(), null,
                state == TrialState.FAILED ? "NaN loss" : null, "test", Instant.EPOCH, null);
    }
}
