package dev.fulcrum.testkit;

import dev.fulcrum.api.tune.Direction;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.ChoiceParameter;
import dev.fulcrum.api.tune.FixedParameter;
import dev.fulcrum.api.tune.FloatParameter;
import dev.fulcrum.api.tune.IntParameter;
import dev.fulcrum.api.tune.Sampler;
import dev.fulcrum.api.tune.SearchSpace;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.core.tune.TrialSeeds;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every sampler keeps, whatever it does with the history: its suggestions lie in the space,
 * depend only on (space, objectives, trials, seed), and survive every trial state a study holds.
 * A sampler's test extends this and says how its factory makes it; each failure names the study
 * seed it happened under.
 */
public abstract class SamplerContract {

    /** Objectives the contract's studies use: one maximised, one minimised. */
    protected static final List<Objective> TWO_OBJECTIVES = List.of(
            new Objective("validation.specific.accuracy", Direction.MAXIMIZE),
            new Objective("validation.general.loss", Direction.MINIMIZE));

    /** A sampler as the plugin's factory makes it, with the settings under test. */
    protected abstract Sampler sampler();

    /**
     * Whether different trial seeds draw different values: false for a sampler whose first trial
     * depends only on the study's seed, given to its factory (a grid's order, Sobol's shift).
     */
    protected boolean drawsFromTheSeed() {
        return true;
    }

    /**
     * The space the contract searches: every parameter kind, a log range and a condition. A
     * sampler that needs more (a grid needs steps) overrides it.
     */
    protected SearchSpace space() {
        return new SearchSpace(List.of(
                new ChoiceParameter("strategy.type", List.of("multi-task", "pretrain-finetune", "layer-wise"), Map.of()),
                new FloatParameter("strategy.learning-rate", 1e-4, 1e-2, true, null, Map.of()),
                new FloatParameter("strategy.specific-share", 0.05, 0.5, false, null,
                        Map.of("strategy.type", List.of("multi-task"))),
                new IntParameter("strategy.epochs", 1, 9, false, 2, Map.of()),
                new ChoiceParameter("model.hidden", List.of(List.of(256L, 128L), List.of(512L, 256L)), Map.of()),
                new FixedParameter("split.validation", 0.2, Map.of())));
    }

    @Test
    void everySuggestionOfAStudyLiesInTheSpace() {
        for (long studySeed = 0; studySeed < 3; studySeed++) {
            List<TrialRecord> trials = study(studySeed, 24, TWO_OBJECTIVES);
            for (TrialRecord trial : trials) {
                assertTrue(space().admits(trial.params()), "study seed " + studySeed + ", trial " + trial.number()
                        + ": " + trial.params() + " is not in the space");
            }
        }
    }

    @Test
    void theSameArgumentsGiveTheSameValuesFromAnyInstance() {
        for (long studySeed = 0; studySeed < 3; studySeed++) {
            List<TrialRecord> trials = study(studySeed, 16, TWO_OBJECTIVES);
            Sampler other = sampler();
            for (int n = 0; n < trials.size(); n++) {
                List<TrialRecord> before = trials.subList(0, n);
                long seed = trialSeed(studySeed, n);
                assertEquals(trials.get(n).params(), other.suggest(space(), TWO_OBJECTIVES, before, seed),
                        "study seed " + studySeed + ", trial " + n + ": a second sampler drew other values");
                assertEquals(trials.get(n).params(), other.suggest(space(), TWO_OBJECTIVES, before, seed),
                        "study seed " + studySeed + ", trial " + n + ": the sampler drew other values when asked again");
            }
        }
    }

    @Test
    void oneInstanceServesInterleavedStudiesAsSeparateOnesWould() {
        Sampler shared = sampler();
        List<TrialRecord> first = new ArrayList<>();
        List<TrialRecord> second = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            first.add(complete(n, shared.suggest(space(), TWO_OBJECTIVES, first, trialSeed(0, n)), TWO_OBJECTIVES));
            second.add(complete(n, shared.suggest(space(), TWO_OBJECTIVES, second, trialSeed(1, n)), TWO_OBJECTIVES));
        }
        assertEquals(params(study(0, 12, TWO_OBJECTIVES)), params(first), "study seed 0");
        assertEquals(params(study(1, 12, TWO_OBJECTIVES)), params(second), "study seed 1");
    }

    @Test
    void differentTrialSeedsDrawDifferentValues() {
        Set<Map<String, Object>> drawn = new HashSet<>();
        Sampler sampler = sampler();
        for (long seed = 0; seed < 10; seed++) {
            drawn.add(sampler.suggest(space(), TWO_OBJECTIVES, List.of(), trialSeed(seed, 0)));
        }
        assertEquals(drawsFromTheSeed(), drawn.size() > 1, "first trials of ten study seeds: " + drawn);
    }

    @Test
    void aHistoryOfRunningPrunedAndFailedTrialsIsNoObstacle() {
        Sampler sampler = sampler();
        for (long studySeed = 0; studySeed < 3; studySeed++) {
            List<TrialRecord> trials = new ArrayList<>();
            for (int n = 0; n < 20; n++) {
                Map<String, Object> params = sampler.suggest(space(), TWO_OBJECTIVES, trials, trialSeed(studySeed, n));
                assertTrue(space().admits(params), "study seed " + studySeed + ", trial " + n + ": " + params);
                TrialState state = List.of(TrialState.PRUNED, TrialState.FAILED, TrialState.RUNNING, TrialState.COMPLETE).get(n % 4);
                trials.add(state == TrialState.COMPLETE ? complete(n, params, TWO_OBJECTIVES) : unfinished(n, state, params));
            }
        }
    }

    @Test
    void oneObjectiveIsAStudyToo() {
        List<Objective> one = TWO_OBJECTIVES.subList(0, 1);
        for (TrialRecord trial : study(7, 16, one)) {
            assertTrue(space().admits(trial.params()), "trial " + trial.number() + ": " + trial.params());
        }
    }

    /** A study of {@code count} trials run in order, each complete with {@link #score} as its values. */
    protected final List<TrialRecord> study(long studySeed, int count, List<Objective> objectives) {
        Sampler sampler = sampler();
        List<TrialRecord> trials = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            trials.add(complete(n, sampler.suggest(space(), objectives, trials, trialSeed(studySeed, n)), objectives));
        }
        return trials;
    }

    /** The seed the host gives trial {@code number} of a study with this seed. */
    protected static long trialSeed(long studySeed, int number) {
        return TrialSeeds.of(studySeed, number);
    }

    /** A complete trial whose objective values are {@link #score} of its params. */
    protected static TrialRecord complete(int number, Map<String, Object> params, List<Objective> objectives) {
        Map<String, Double> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < objectives.size(); i++) {
            values.put(objectives.get(i).metric(), score(params, i));
        }
        TreeMap<Integer, Map<String, Double>> steps = new TreeMap<>(Map.of(1, values));
        return new TrialRecord(number, TrialState.COMPLETE, params, values, true, steps, null, null, "contract",
                Instant.EPOCH, Instant.EPOCH);
    }

    private static TrialRecord unfinished(int number, TrialState state, Map<String, Object> params) {
        TreeMap<Integer, Map<String, Double>> steps = new TreeMap<>();
        if (state == TrialState.PRUNED) {
            steps.put(1, Map.of(TWO_OBJECTIVES.get(0).metric(), 0.1, TWO_OBJECTIVES.get(1).metric(), 2.0));
        }
        return new TrialRecord(number, state, params, Map.of(), true, steps, null,
                state == TrialState.FAILED ? "NaN loss" : null, "contract", Instant.EPOCH, null);
    }

    /**
     * A made-up value of objective {@code index} that depends on every numeric parameter and the
     * first choice, so that a sampler which learns has something to learn.
     */
    protected static double score(Map<String, Object> params, int index) {
        double sum = 0;
        for (Object value : params.values()) {
            if (value instanceof Double d) {
                sum += Math.log1p(Math.abs(d));
            } else if (value instanceof Long l) {
                sum += l / 10.0;
            } else if (value != null) {
                sum += Math.abs(value.hashCode() % 7) / 7.0;
            }
        }
        return index == 0 ? Math.sin(sum) : Math.cos(sum) + 1;
    }

    private static List<Map<String, Object>> params(List<TrialRecord> trials) {
        return trials.stream().map(TrialRecord::params).toList();
    }
}
