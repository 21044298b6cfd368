package dev.fulcrum.plugins.samplers.tpe;

import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Trial records as a study database hands them to a sampler. */
final class Trials {

    private Trials() {
    }

    static TrialRecord complete(int number, Map<String, Object> params, Map<String, Double> values) {
        return new TrialRecord(number, TrialState.COMPLETE, params, values, true, new TreeMap<>(Map.of(1, values)), null, null,
                "test", Instant.EPOCH, Instant.EPOCH);
    }

    static TrialRecord infeasible(int number, Map<String, Object> params, Map<String, Double> values) {
        return new TrialRecord(number, TrialState.COMPLETE, params, values, false, new TreeMap<>(Map.of(1, values)), null, null,
                "test", Instant.EPOCH, Instant.EPOCH);
    }

    /** A pruned trial whose last report was {@code metrics} after {@code step}. */
    static TrialRecord pruned(int number, Map<String, Object> params, int step, Map<String, Double> metrics) {
        TreeMap<Integer, Map<String, Double>> steps = new TreeMap<>();
        for (int s = 1; s <= step; s++) {
            steps.put(s, metrics);
        }
        return new TrialRecord(number, TrialState.PRUNED, params, Map.of(), true, steps, null, null, "test",
                Instant.EPOCH, Instant.EPOCH);
    }

    static TrialRecord running(int number, Map<String, Object> params) {
        return new TrialRecord(number, TrialState.RUNNING, params, Map.of(), true, new TreeMap<>(), null, null, "test",
                Instant.EPOCH, null);
    }

    static TrialRecord failed(int number, Map<String, Object> params) {
        return new TrialRecord(number, TrialState.FAILED, params, Map.of(), true, new TreeMap<>(), null, "NaN loss", "test",
                Instant.EPOCH, Instant.EPOCH);
    }
}
