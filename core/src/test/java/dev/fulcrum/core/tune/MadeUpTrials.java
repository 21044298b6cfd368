package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.Direction;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Trial records as a study's storage would hand them out, made up for tests. */
final class MadeUpTrials {

    static final Objective SPECIFIC = new Objective("validation.specific.accuracy", Direction.MAXIMIZE);
    static final Objective GENERAL = new Objective("validation.general.accuracy", Direction.MAXIMIZE);
    static final List<Objective> BOTH = List.of(SPECIFIC, GENERAL);
    private static final Instant START = Instant.parse("2025-01-01T10:00:00Z");

    private MadeUpTrials() {
    }

    /** A complete, feasible trial with these specific and general accuracies, which ran for {@code number + 10} seconds. */
    static TrialRecord complete(int number, double specific, double general) {
        return complete(number, Map.of("strategy.learning-rate", 0.001 * (number + 1)), specific, general, true);
    }

    static TrialRecord complete(int number, Map<String, Object> params, double specific, double general, boolean feasible) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(SPECIFIC.metric(), specific);
        values.put(GENERAL.metric(), general);
        return new TrialRecord(number, TrialState.COMPLETE, params, values, feasible, new TreeMap<>(), "trial-" + number,
                null, "w1", START.plusSeconds(100L * number), START.plusSeconds(100L * number + number + 10));
    }

    /** A trial the pruner stopped after {@code steps} epochs. */
    static TrialRecord pruned(int number, int steps) {
        TreeMap<Integer, Map<String, Double>> intermediate = new TreeMap<>();
        for (int step = 1; step <= steps; step++) {
            intermediate.put(step, Map.of(SPECIFIC.metric(), 0.1 * step));
        }
        return new TrialRecord(number, TrialState.PRUNED, Map.of("strategy.learning-rate", 0.5), Map.of(), true, intermediate,
                "trial-" + number, null, "w1", START.plusSeconds(100L * number), START.plusSeconds(100L * number + 3));
    }

    static TrialRecord failed(int number, String error) {
        return new TrialRecord(number, TrialState.FAILED, Map.of("strategy.learning-rate", -0.1), Map.of(), true, new TreeMap<>(),
                "trial-" + number, error, "w1", START.plusSeconds(100L * number), START.plusSeconds(100L * number + 1));
    }

    static TrialRecord running(int number) {
        return new TrialRecord(number, TrialState.RUNNING, Map.of("strategy.learning-rate", 0.002), Map.of(), true,
                new TreeMap<>(), "trial-" + number, null, "w2", START.plusSeconds(100L * number), null);
    }

    static TrialRecord waiting(int number) {
        return new TrialRecord(number, TrialState.WAITING, Map.of(), Map.of(), true, new TreeMap<>(), null, null, null, null, null);
    }
}
