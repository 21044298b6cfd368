package dev.fulcrum.math.weights;

import dev.fulcrum.api.Experimental;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.Set;

/**
 * An exponential moving average of a network's parameter tables, {@code ema <- d * ema + (1 - d) * w}
 * per update (Polyak-Ruppert averaging with exponential weights, as in Izmailov et al. 2018, arXiv
 * 1803.05407, section 2, and timm's {@code ModelEmaV2}). It starts at the first table it sees, so no
 * bias correction is needed: a weight {@code k} updates back counts {@code d^k (1 - d)}.
 */
@Experimental
public final class ExponentialAverage {

    private final double decay;
    private final Set<String> excluded;
    private Map<String, INDArray> average;
    private long updates;

    /**
     * @param decay    in [0, 1): the share of the average kept at each update
     * @param excluded parameters left out of the average (running statistics, which are re-estimated instead)
     */
    public ExponentialAverage(double decay, Set<String> excluded) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("decay must be in [0, 1), got " + decay);
        }
        this.decay = decay;
        this.excluded = Set.copyOf(excluded);
    }

    /**
     * @throws MismatchedParametersException when the table is not of the graph of the tables before
     */
    public void update(Map<String, INDArray> table) {
        updates++;
        Map<String, INDArray> averaged = ParameterTables.without(table, excluded);
        if (average == null) {
            average = ParameterTables.copy(averaged);
            return;
        }
        ParameterTables.requireSame(average, "the average", averaged, "the table of update " + updates);
        average.forEach((name, values) -> values.muli(decay).addi(averaged.get(name).mul(1 - decay)));
    }

    /** How many tables were averaged. */
    public long updates() {
        return updates;
    }

    /** A copy of the average so far. */
    public Map<String, INDArray> average() {
        if (average == null) {
            throw new IllegalStateException("no parameter table was averaged");
        }
        return ParameterTables.copy(average);
    }
}
