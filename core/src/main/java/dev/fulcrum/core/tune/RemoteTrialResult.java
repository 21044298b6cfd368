package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.TrialState;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a trial ended where it ran, for the driver to record: its {@link TrialEnd}, the validation
 * metrics it reported after each epoch, and its run folder as a zip, which the driver unpacks into
 * the study's {@code trials/}, so that no shared file system is needed.
 *
 * @param runFolder the run folder's name ({@code 3-20260101-120000}), or {@code null} when the trial
 *                  failed before it had one (its values did not pass the plugins' checks)
 * @param zip       the run folder's files, or empty
 */
public record RemoteTrialResult(String state, Map<String, Double> values, boolean feasible, String error,
                                boolean stopsWorker, TreeMap<Integer, Map<String, Double>> reports, String runFolder,
                                byte[] zip, String worker) implements Serializable {

    TrialEnd end() {
        return new TrialEnd(TrialState.valueOf(state), values, feasible, error, stopsWorker);
    }
}
