package dev.fulcrum.core.representation;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code fulcrum inspect} is asked to measure.
 *
 * @param run     the run folder
 * @param against a second run on the same rows whose layers are compared with the first's, or {@code null}
 * @param data    {@code general}, {@code specific} or {@code both}: the tasks whose rows are measured
 * @param maxRows at most this many rows per task and partition (a seeded sample)
 * @param layers  the trunk layers to measure; empty: all of them
 * @param drift   whether to measure drift from theta_0 (needs the run's {@code theta0.zip})
 * @param export  a folder for the activations as {@code .npy} files, or {@code null}
 */
public record InspectRequest(Path run, Path against, String data, int maxRows, List<String> layers, boolean drift, Path export) {

    public InspectRequest {
        layers = List.copyOf(layers);
    }
}
