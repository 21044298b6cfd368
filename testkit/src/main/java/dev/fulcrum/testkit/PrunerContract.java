package dev.fulcrum.testkit;

import dev.fulcrum.api.tune.Direction;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.Pruner;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every pruner keeps, whatever its rule: its answer depends only on the question (objectives,
 * the running trial, the others), it never prunes a trial that has reported nothing, it takes the
 * others in every state a study holds and steps that lack a metric, and it never prunes a trial
 * that is at least as good as every other at each of its steps. Each property is checked on a
 * seeded loop of made-up studies, with one objective and with two; every failure names the seed.
 * A pruner's test extends this and says how its factory makes it.
 */
public abstract class PrunerContract {

    /** One objective, maximised. */
    protected static final List<Objective> ONE_OBJECTIVE = List.of(new Objective("validation.specific.accuracy", Direction.MAXIMIZE));

    /** Two objectives: one maximised, one minimised. */
    protected static final List<Objective> TWO_OBJECTIVES = List.of(
            new Objective("validation.specific.accuracy", Direction.MAXIMIZE),
            new Objective("validation.general.loss", Direction.MINIMIZE));

    /** A validation metric that no objective of the contract names. */
    protected static final String OTHER_METRIC = "validation.general.accuracy";

    private static final int SEEDS = 150;

    /** A pruner as the plugin's factory makes it, with the settings under test. */
    protected abstract Pruner pruner();

    /**
     * Whether the pruner under test prunes some of the contract's made-up questions (false for one
     * that never prunes); so that the other properties are not met by a pruner that always says no.
     */
    protected boolean prunesSome() {
        return true;
    }

    /** A question a host asks: may {@code running} go on, given {@code others}? */
    protected record Question(List<Objective> objectives, TrialRecord running, List<TrialRecord> others) {

        public boolean askedOf(Pruner pruner) {
            return pruner.prune(objectives, running, others);
        }

        /** The same question about {@code running} as it stood after {@code step}. */
        public Question atStep(int step) {
            return new Question(objectives, upTo(running, step), others);
        }

        public Question withOthers(List<TrialRecord> replaced) {
            return new Question(objectives, running, replaced);
        }
    }

    @Test
    void theAnswerDependsOnlyOnTheQuestion() {
        Pruner shared = pruner();
        forEveryQuestion((seed, where, question) -> {
            boolean first = question.askedOf(shared);
            assertEquals(first, question.askedOf(shared), where + ": asked twice, answered differently");
            assertEquals(first, question.askedOf(pruner()), where + ": a fresh pruner answered otherwise than one that had answered earlier questions");
        });
    }

    @Test
    void theQuestionsAreAnsweredBothWaysUnlessThePrunerNeverPrunes() {
        Pruner pruner = pruner();
        for (List<Objective> objectives : List.of(ONE_OBJECTIVE, TWO_OBJECTIVES)) {
            int pruned = 0;
            for (long seed = 0; seed < SEEDS; seed++) {
                pruned += randomQuestion(seed, objectives).askedOf(pruner) ? 1 : 0;
            }
            String counted = pruned + " of " + SEEDS + " questions (seeds 0 to " + (SEEDS - 1) + ", " + objectives.size() + " objectives) pruned";
            if (prunesSome()) {
                assertTrue(pruned > 0 && pruned < SEEDS, counted);
            } else {
                assertEquals(0, pruned, counted);
            }
        }
    }

    @Test
    void aTrialThatReportedNothingIsNeverPruned() {
        Pruner pruner = pruner();
        forEveryQuestion((seed, where, question) -> {
            TrialRecord silent = trial(question.running().number(), TrialState.RUNNING, new TreeMap<>());
            assertFalse(new Question(question.objectives(), silent, question.others()).askedOf(pruner), where + ": pruned a trial with no reports");
            SortedMap<Integer, Map<String, Double>> noObjective = new TreeMap<>();
            question.running().intermediate().keySet().forEach(step -> noObjective.put(step, Map.of(OTHER_METRIC, 0.5)));
            TrialRecord unrelated = trial(silent.number(), TrialState.RUNNING, noObjective);
            assertFalse(new Question(question.objectives(), unrelated, question.others()).askedOf(pruner),
                    where + ": pruned a trial whose steps hold no objective's metric");
        });
    }

    /** A complete trial without reports may count (as towards a start-up count); these hold nothing to compare. */
    @Test
    void unfinishedOrFailedOthersThatReportedNothingChangeNoAnswer() {
        Pruner pruner = pruner();
        forEveryQuestion((seed, where, question) -> {
            List<TrialRecord> more = new ArrayList<>(question.others());
            int next = question.running().number() + 1;
            for (TrialState state : List.of(TrialState.WAITING, TrialState.RUNNING, TrialState.FAILED)) {
                more.add(trial(next++, state, new TreeMap<>()));
            }
            assertEquals(question.askedOf(pruner), question.withOthers(more).askedOf(pruner),
                    where + ": a waiting, a running and a failed trial without reports changed the answer");
        });
    }

    @Test
    void theOrderOfTheOthersChangesNoAnswer() {
        Pruner pruner = pruner();
        forEveryQuestion((seed, where, question) -> {
            List<TrialRecord> shuffled = new ArrayList<>(question.others());
            Collections.shuffle(shuffled, new Random(seed));
            assertEquals(question.askedOf(pruner), question.withOthers(shuffled).askedOf(pruner),
                    where + ": the others in another order changed the answer");
        });
    }

    @Test
    void metricsNoObjectiveNamesChangeNoAnswer() {
        Pruner pruner = pruner();
        forEveryQuestion((seed, where, question) -> {
            Question withMore = new Question(question.objectives(), withOtherMetric(question.running()),
                    question.others().stream().map(PrunerContract::withOtherMetric).toList());
            assertEquals(question.askedOf(pruner), withMore.askedOf(pruner), where + ": a metric that is no objective changed the answer");
        });
    }

    /**
     * Others in every state (waiting, running, failed, pruned, complete), steps that lack a metric
     * and NaN values: the pruner answers at each of the running trial's steps.
     */
    @Test
    void everyStateAndMissingMetricsAreNoObstacle() {
        Pruner pruner = pruner();
        forEveryQuestion((seed, where, question) -> {
            for (int step : question.running().intermediate().keySet()) {
                try {
                    question.atStep(step).askedOf(pruner);
                } catch (RuntimeException e) {
                    throw new AssertionError(where + ", step " + step + ": " + e, e);
                }
            }
        });
    }

    @Test
    void aTrialAsGoodAsTheBestAtEachStepIsNeverPruned() {
        Pruner pruner = pruner();
        forEveryQuestion((seed, where, question) -> {
            double margin = seed % 2 == 0 ? 0 : 0.01;
            TrialRecord leader = leader(question.running().number(), question.objectives(), question.others(), margin);
            Question asked = new Question(question.objectives(), leader, question.others());
            for (int step : leader.intermediate().keySet()) {
                assertFalse(asked.atStep(step).askedOf(pruner), where + ", step " + step
                        + ": pruned a trial at least as good as every other at each of its steps (by " + margin + ")");
            }
        });
    }

    /** A property checked on the made-up question of one seed; {@code where} names the seed for failure messages. */
    private interface Check {
        void on(long seed, String where, Question question);
    }

    /** Checks the question of every seed, with one objective and with two. */
    private static void forEveryQuestion(Check check) {
        for (List<Objective> objectives : List.of(ONE_OBJECTIVE, TWO_OBJECTIVES)) {
            for (long seed = 0; seed < SEEDS; seed++) {
                check.on(seed, where(seed, objectives), randomQuestion(seed, objectives));
            }
        }
    }

    /**
     * A made-up question: up to 14 other trials in random states, with learning curves over up to
     * 30 epochs (so rungs at 1, 3, 9 and 27 are reached), some metrics missing at a step and some
     * NaN; the running trial is the last, with at least one step.
     */
    protected static Question randomQuestion(long seed, List<Objective> objectives) {
        SplittableRandom random = new SplittableRandom(seed);
        int epochs = 1 + random.nextInt(30);
        int count = random.nextInt(15);
        List<TrialRecord> others = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            TrialState state = TrialState.values()[random.nextInt(TrialState.values().length)];
            int steps = switch (state) {
                case WAITING -> 0;
                case COMPLETE -> epochs;
                case PRUNED -> 1 + random.nextInt(epochs);
                default -> random.nextInt(epochs + 1);
            };
            others.add(trial(n, state, randomCurves(random, objectives, steps)));
        }
        TrialRecord running = trial(count, TrialState.RUNNING, randomCurves(random, objectives, 1 + random.nextInt(epochs)));
        return new Question(objectives, running, others);
    }

    /**
     * Reports of {@code steps} epochs: each objective follows a saturating curve of its own level
     * and pace with noise; a metric is missing at one step in ten, and NaN at one in forty.
     */
    private static SortedMap<Integer, Map<String, Double>> randomCurves(SplittableRandom random, List<Objective> objectives, int steps) {
        double level = random.nextDouble(0.2, 1.0);
        double pace = random.nextDouble(1, 8);
        SortedMap<Integer, Map<String, Double>> reports = new TreeMap<>();
        for (int step = 1; step <= steps; step++) {
            double progress = level * (1 - Math.exp(-step / pace)) + random.nextDouble(-0.02, 0.02);
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (Objective objective : objectives) {
                double value = objective.direction() == Direction.MAXIMIZE ? progress : 2 - 2 * progress;
                double draw = random.nextDouble();
                if (draw >= 0.1) {
                    metrics.put(objective.metric(), draw < 0.125 ? Double.NaN : value);
                }
            }
            reports.put(step, metrics);
        }
        return reports;
    }

    /**
     * A trial that at each step of the longest other trial has on every objective the best value
     * any other reported there (ignoring NaN), better still by {@code margin}.
     */
    private static TrialRecord leader(int number, List<Objective> objectives, List<TrialRecord> others, double margin) {
        int epochs = Math.max(1, others.stream().mapToInt(TrialRecord::lastStep).max().orElse(1));
        SortedMap<Integer, Map<String, Double>> reports = new TreeMap<>();
        for (int step = 1; step <= epochs; step++) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (Objective objective : objectives) {
                double best = 0.5;
                boolean seen = false;
                for (TrialRecord other : others) {
                    Double value = other.intermediate().getOrDefault(step, Map.of()).get(objective.metric());
                    if (value != null && !value.isNaN() && (!seen || objective.direction().better(value, best))) {
                        best = value;
                        seen = true;
                    }
                }
                metrics.put(objective.metric(), best - objective.toMinimised(margin));
            }
            reports.put(step, metrics);
        }
        return trial(number, TrialState.RUNNING, reports);
    }

    /**
     * A trial with these reports; a complete one gets its last reported value of each metric as
     * its final values.
     */
    protected static TrialRecord trial(int number, TrialState state, SortedMap<Integer, Map<String, Double>> reports) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (state == TrialState.COMPLETE) {
            reports.values().forEach(values::putAll);
        }
        return new TrialRecord(number, state, Map.of("trial", (long) number), values, true, reports, null,
                state == TrialState.FAILED ? "NaN loss" : null, state == TrialState.WAITING ? null : "contract",
                state == TrialState.WAITING ? null : Instant.EPOCH, state.finished() ? Instant.EPOCH : null);
    }

    /**
     * A trial whose step {@code s} reports {@code values[s - 1][i]} for objective {@code i}, from
     * step 1; a NaN is reported as NaN.
     */
    protected static TrialRecord trial(int number, TrialState state, List<Objective> objectives, double[]... values) {
        SortedMap<Integer, Map<String, Double>> reports = new TreeMap<>();
        for (int s = 0; s < values.length; s++) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (int i = 0; i < objectives.size(); i++) {
                metrics.put(objectives.get(i).metric(), values[s][i]);
            }
            reports.put(s + 1, metrics);
        }
        return trial(number, state, reports);
    }

    /** A trial that reports the same point, {@code point[i]} for objective {@code i}, at each of {@code steps} epochs. */
    protected static TrialRecord flat(int number, TrialState state, List<Objective> objectives, int steps, double... point) {
        double[][] reports = new double[steps][];
        Arrays.fill(reports, point);
        return trial(number, state, objectives, reports);
    }

    /** The trial as it stood after {@code step}: running, with its reports up to that step. */
    protected static TrialRecord upTo(TrialRecord trial, int step) {
        return trial(trial.number(), TrialState.RUNNING, new TreeMap<>(trial.intermediate().headMap(step + 1)));
    }

    private static TrialRecord withOtherMetric(TrialRecord trial) {
        SortedMap<Integer, Map<String, Double>> reports = new TreeMap<>();
        trial.intermediate().forEach((step, metrics) -> {
            Map<String, Double> more = new LinkedHashMap<>(metrics);
            more.put(OTHER_METRIC, 0.1 * step);
            reports.put(step, more);
        });
        return new TrialRecord(trial.number(), trial.state(), trial.params(), trial.values(), trial.feasible(), reports,
                trial.runFolder(), trial.error(), trial.worker(), trial.started(), trial.finished());
    }

    private static String where(long seed, List<Objective> objectives) {
        return "seed " + seed + " (" + objectives.size() + (objectives.size() == 1 ? " objective)" : " objectives)");
    }
}
