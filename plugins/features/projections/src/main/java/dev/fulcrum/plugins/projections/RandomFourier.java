package dev.fulcrum.plugins.projections;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureTransform;
import dev.fulcrum.math.random.RandomArrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random Fourier features (Rahimi and Recht, "Random Features for Large-Scale Kernel Machines",
 * NIPS 2007): {@code z(x) = sqrt(2 / D) cos(x W + b)} with {@code W ~ N(0, 2 gamma)} and
 * {@code b ~ U[0, 2 pi)}, so that {@code z(x).z(y)} approximates {@code exp(-gamma |x - y|^2)}. The
 * training rows only set the default gamma; W and b are saved, so prediction uses the same ones.
 */
final class RandomFourier implements FeatureExtractor {

    static final String WEIGHTS = "weights";
    static final String OFFSETS = "offsets";

    private final RandomFourierParams params;
    private final long seed;

    RandomFourier(RandomFourierParams params, long seed) {
        this.params = params;
        this.seed = seed;
    }

    @Override
    public FeatureTransform fit(Dataset training) {
        INDArray input = Projection.projectedColumns(training, params.columns());
        int d = input.columns();
        int features = params.components();
        double gamma = params.gamma() != null ? params.gamma() : defaultGamma(input);
        SplittableRandom random = new SplittableRandom(seed);
        INDArray weights = RandomArrays.gaussian(random.nextLong(), d, features).muli(Math.sqrt(2 * gamma));
        INDArray offsets = RandomArrays.uniform(random.nextLong(), 0, 2 * Math.PI, 1, features);
        return transform(weights, offsets);
    }

    private static double defaultGamma(INDArray input) {
        if (input.rows() < 2) {
            throw new InvalidInputException("random-fourier needs at least 2 training rows to choose gamma, got " + input.rows());
        }
        double variance = input.varNumber().doubleValue();
        return 1 / (input.columns() * (variance > 0 ? variance : 1));
    }

    @Override
    public FeatureTransform restore(Map<String, INDArray> state) {
        return transform(Projection.require(state, WEIGHTS, "random-fourier"), Projection.require(state, OFFSETS, "random-fourier"));
    }

    private FeatureTransform transform(INDArray weights, INDArray offsets) {
        double norm = Math.sqrt(2.0 / weights.columns());
        return new Projection("random-fourier", params.prefix(), params.columns(), weights.rows(),
                rows -> Transforms.cos(rows.mmul(weights).addiRowVector(offsets), false).muli(norm),
                Map.of(WEIGHTS, weights, OFFSETS, offsets));
    }
}
