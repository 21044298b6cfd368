package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.TrialState;

import java.util.Map;

/**
 * How a trial ended, as its worker tells the study.
 *
 * @param stopsWorker whether the worker stops after it: the run met bad input (data, a config fault
 *                    that shows only at run time), which every later trial would meet too
 */
record TrialEnd(TrialState state, Map<String, Double> values, boolean feasible, String error, boolean stopsWorker) {

    static TrialEnd complete(Map<String, Double> values, boolean feasible) {
        return new TrialEnd(TrialState.COMPLETE, values, feasible, null, false);
    }

    static TrialEnd pruned() {
        return new TrialEnd(TrialState.PRUNED, Map.of(), true, null, false);
    }

    static TrialEnd failed(String error) {
        return new TrialEnd(TrialState.FAILED, Map.of(), true, error, false);
    }

    static TrialEnd invalidInput(String error) {
        return new TrialEnd(TrialState.FAILED, Map.of(), true, error, true);
    }
}
