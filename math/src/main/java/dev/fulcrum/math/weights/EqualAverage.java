package dev.fulcrum.math.weights;

import dev.fulcrum.api.Experimental;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The equal average of parameter tables of one network, added one at a time: stochastic weight
 * averaging's {@code w_swa <- (w_swa * n + w) / (n + 1)} (Izmailov et al. 2018, arXiv 1803.05407,
 * Algorithm 1) and a uniform model soup (Wortsman et al. 2022, arXiv 2203.05482). Kept as the running
 * mean {@code mean += (w - mean) / n}, so the average of equal tables is that table exactly.
 */
@Experimental
public final class EqualAverage {

    private final Set<String> excluded;
    private Map<String, INDArray> mean;
    private int count;

    /** @param excluded parameters left out of the average (running statistics, which are re-estimated instead) */
    public EqualAverage(Set<String> excluded) {
        this.excluded = Set.copyOf(excluded);
    }

    /** The equal average of {@code tables}, leaving out {@code excluded}. */
    public static Map<String, INDArray> of(List<Map<String, INDArray>> tables, Set<String> excluded) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("an average needs at least one parameter table");
        }
        EqualAverage average = new EqualAverage(excluded);
        tables.forEach(average::add);
        return average.mean();
    }

    /**
     * @throws MismatchedParametersException when the table is not of the graph of the tables added before
     */
    public void add(Map<String, INDArray> table) {
        Map<String, INDArray> averaged = ParameterTables.without(table, excluded);
        if (mean == null) {
            mean = ParameterTables.copy(averaged);
            count = 1;
            return;
        }
        ParameterTables.requireSame(mean, "the average", averaged, "table " + (count + 1));
        count++;
        double share = 1.0 / count;
        mean.forEach((name, values) -> values.addi(table.get(name).sub(values).muli(share)));
    }

    /** How many tables were added. */
    public int count() {
        return count;
    }

    /** A copy of the average so far. */
    public Map<String, INDArray> mean() {
        if (mean == null) {
            throw new IllegalStateException("no parameter table was added");
        }
        return ParameterTables.copy(mean);
    }
}
