package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A {@link TrialRecord} in serializable form, its params and metrics in the study database's JSON. */
public record TrialSnapshot(int number, String state, String params, String values, boolean feasible,
                            LinkedHashMap<Integer, String> intermediate, String runFolder, String error, String worker,
                            Long startedMillis, Long finishedMillis) implements Serializable {

    static TrialSnapshot of(TrialRecord trial) {
        LinkedHashMap<Integer, String> steps = new LinkedHashMap<>();
        trial.intermediate().forEach((step, metrics) -> steps.put(step, StudyJson.metrics(metrics)));
        return new TrialSnapshot(trial.number(), trial.state().name(), StudyJson.params(trial.params()),
                StudyJson.metrics(trial.values()), trial.feasible(), steps, trial.runFolder(), trial.error(), trial.worker(),
                trial.started() == null ? null : trial.started().toEpochMilli(),
                trial.finished() == null ? null : trial.finished().toEpochMilli());
    }

    TrialRecord record() {
        TreeMap<Integer, Map<String, Double>> steps = new TreeMap<>();
        intermediate.forEach((step, metrics) -> steps.put(step, StudyJson.readMetrics(metrics)));
        return new TrialRecord(number, TrialState.valueOf(state), StudyJson.readParams(params), StudyJson.readMetrics(values),
                feasible, steps, runFolder, error, worker, startedMillis == null ? null : Instant.ofEpochMilli(startedMillis),
                finishedMillis == null ? null : Instant.ofEpochMilli(finishedMillis));
    }
}
