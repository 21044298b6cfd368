package dev.fulcrum.core.representation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code fulcrum inspect} measured on a run ({@link RepresentationsJson} writes it as {@code representations.json}).
 *
 * @param tasks   the inspected tasks
 * @param layers  the inspected trunk layers, input side first
 * @param samples per inspected task, its training and validation samples
 * @param models  the final model's scores, then theta_0's where the run kept it
 * @param drift   per layer, or {@code null} where drift was not asked for
 * @param against the comparison with another run, or {@code null}
 * @param export  where the activations were exported, or {@code null}
 * @param seconds per step of the inspection, and {@code total}
 */
public record Inspection(Path folder, long seed, List<String> tasks, int maxRows, List<String> layers,
                         Map<String, List<RowSample>> samples, List<ModelScores> models, List<LayerDrift> drift,
                         RunComparison against, Path export, Map<String, Double> seconds) {
}
