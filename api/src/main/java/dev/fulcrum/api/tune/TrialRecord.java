package dev.fulcrum.api.tune;

import dev.fulcrum.api.Experimental;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One trial as the study database holds it. A record never changes under its reader: storage hands
 * out a new record when the trial moves on.
 *
 * @param number       the trial's number in its study, from 0 (trial 0 is the pipeline as written)
 * @param params       parameter path to value, active parameters only
 * @param values       objective metric to final value; every objective when {@code COMPLETE}, else empty
 * @param feasible     false when the run completed but an audit gate failed: a constraint the trial breaks
 * @param intermediate step (the run's epoch, counted across phases from 1) to the validation metrics
 *                     reported after it, keyed as objectives are ({@code validation.specific.accuracy}), and
 *                     what the trial's training had spent by then ({@code spent.samples}, {@code spent.flops},
 *                     {@code spent.seconds}), which the host sums against the study's budget
 * @param runFolder    the trial's run folder, or {@code null} before it has one
 * @param error        why the trial failed, or {@code null}
 * @param worker       the worker that claimed it last, or {@code null} while waiting
 * @param started      when it was claimed last, or {@code null}
 * @param finished     when it finished, or {@code null}
 */
@Experimental
public record TrialRecord(int number, TrialState state, Map<String, Object> params, Map<String, Double> values,
                          boolean feasible, SortedMap<Integer, Map<String, Double>> intermediate, String runFolder,
                          String error, String worker, Instant started, Instant finished) {

    public TrialRecord {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        SortedMap<Integer, Map<String, Double>> steps = new TreeMap<>();
        intermediate.forEach((step, metrics) -> steps.put(step, Collections.unmodifiableMap(new LinkedHashMap<>(metrics))));
        intermediate = Collections.unmodifiableSortedMap(steps);
    }

    /** Whether the trial completed with a value for every objective and broke no constraint. */
    public boolean usable() {
        return state == TrialState.COMPLETE && feasible;
    }

    /** The final value of {@code objective}; only for a complete trial. */
    public double value(Objective objective) {
        Double value = values.get(objective.metric());
        if (value == null) {
            throw new IllegalStateException("trial " + number + " has no value for " + objective.metric());
        }
        return value;
    }

    /** The last step reported, or 0 when none was. */
    public int lastStep() {
        return intermediate.isEmpty() ? 0 : intermediate.lastKey();
    }
}
