package dev.fulcrum.core.train;

import dev.fulcrum.api.train.WeightAveraging;
import dev.fulcrum.math.weights.EqualAverage;
import dev.fulcrum.math.weights.ExponentialAverage;
import dev.fulcrum.math.weights.ParameterTables;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows one phase's weights for {@link WeightAveraging}: for SWA the weights at the end of each of
 * the last {@code epochs} epochs (a sliding window, since early stopping may end the phase at any
 * epoch), for an EMA every mini-batch's weights. Running statistics (BatchNorm) are left out; the
 * updater's state is never read.
 */
final class PhaseAverager {

    private final WeightAveraging settings;
    private final ComputationGraph graph;
    private final Set<String> excluded;
    private final Deque<Map<String, INDArray>> lastEpochs = new ArrayDeque<>();
    private final ExponentialAverage exponential;
    private int epochs;

    PhaseAverager(WeightAveraging settings, ComputationGraph graph, Set<String> excluded) {
        this.settings = settings;
        this.graph = graph;
        this.excluded = Set.copyOf(excluded);
        this.exponential = settings.type().equals(WeightAveraging.EMA) ? new ExponentialAverage(settings.decay(), excluded) : null;
    }

    void iterationDone() {
        if (exponential != null) {
            exponential.update(graph.paramTable());
        }
    }

    void epochDone() {
        epochs++;
        if (exponential == null) {
            lastEpochs.addLast(ParameterTables.copy(graph.paramTable()));
            if (lastEpochs.size() > settings.epochs()) {
                lastEpochs.removeFirst();
            }
        }
    }

    /** The average, without the excluded parameters. */
    Map<String, INDArray> average() {
        return exponential != null ? exponential.average() : EqualAverage.of(List.copyOf(lastEpochs), excluded);
    }

    /** Epochs whose end weights are in the average (SWA), or the epochs the EMA ran through. */
    int epochsAveraged() {
        return exponential == null ? lastEpochs.size() : epochs;
    }

    /** Mini-batches the EMA was updated with; 0 for SWA. */
    long iterationsAveraged() {
        return exponential == null ? 0 : exponential.updates();
    }
}
