package dev.fulcrum.core.train;

import dev.fulcrum.math.weights.ParameterTables;
import dev.fulcrum.math.weights.WeightInterpolation;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.Set;

/**
 * Moves a graph along the line from theta_0 to theta_1 (WiSE-FT): the weights interpolated, then the
 * BatchNormalization statistics measured again on the training rows, since an average of two sets of
 * running statistics is not the statistics of the averaged network. The updater (Adam) state is not
 * touched: it is neither interpolated nor part of the saved model.
 */
final class WeightSweep {

    private final ComputationGraph graph;
    private final Map<String, INDArray> start;
    private final Map<String, INDArray> end;
    private final BatchNormStatistics statistics;
    private final Set<String> statisticsParameters;
    private final INDArray features;
    private final int[] trainingRows;

    /**
     * @param start        theta_0, a parameter table of this graph
     * @param end          theta_1, the same
     * @param features     every row's features; {@code trainingRows} are those the statistics are measured on
     * @throws dev.fulcrum.math.weights.MismatchedParametersException when either table is not of this graph
     */
    WeightSweep(ComputationGraph graph, Map<String, INDArray> start, Map<String, INDArray> end, INDArray features,
                int[] trainingRows) {
        ParameterTables.requireSame(start, "theta_0", graph.paramTable(), "the model");
        ParameterTables.requireSame(end, "theta_1", graph.paramTable(), "the model");
        this.graph = graph;
        this.start = start;
        this.end = end;
        this.statistics = new BatchNormStatistics(graph);
        this.statisticsParameters = statistics.parameters();
        this.features = features;
        this.trainingRows = trainingRows.clone();
    }

    /** Sets the graph's parameters to theta(alpha). */
    void moveTo(double alpha) {
        WeightInterpolation.interpolate(start, end, alpha, statisticsParameters).forEach(graph::setParam);
        if (!statisticsParameters.isEmpty()) {
            statistics.reestimate(features, trainingRows);
        }
    }
}
