package dev.fulcrum.math.weights;

import dev.fulcrum.api.Experimental;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Weight-space interpolation of two parameter tables of one network, WiSE-FT (Wortsman et al. 2022,
 * arXiv 2109.01903, eq. 1): {@code theta(alpha) = (1 - alpha) theta_0 + alpha theta_1}, parameter by
 * parameter. Computed in that order, in the parameters' own data type, so that alpha 0 gives theta_0
 * and alpha 1 gives theta_1 bit for bit ({@code 1 * w + 0 * v = w}).
 */
@Experimental
public final class WeightInterpolation {

    private WeightInterpolation() {
    }

    /**
     * The interpolated table, in {@code start}'s order, new arrays. Parameters named in {@code excluded}
     * (running statistics, which are re-estimated, not averaged) are left out of the result.
     *
     * @throws MismatchedParametersException when the two tables do not hold the same parameters
     *                                       (see {@link ParameterTables#requireSame})
     */
    public static Map<String, INDArray> interpolate(Map<String, INDArray> start, Map<String, INDArray> end, double alpha,
                                                    Set<String> excluded) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }
        ParameterTables.requireSame(start, "theta_0", end, "theta_1");
        Map<String, INDArray> result = new LinkedHashMap<>();
        start.forEach((name, w0) -> {
            if (!excluded.contains(name)) {
                result.put(name, w0.mul(1 - alpha).addi(end.get(name).mul(alpha)));
            }
        });
        return result;
    }
}
