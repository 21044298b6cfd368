package dev.fulcrum.plugins.fairnessmitigation;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureTransform;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Correlation removal (Fairlearn's CorrelationRemover): the features are regressed by least squares
 * on the centred indicator columns of the sensitive attributes, {@code B = argmin ||X - (S - s̄) B||²},
 * and the fitted part is taken away: {@code X' = X - α (S - s̄) B}. Sample weights weigh the means
 * and the squares (Fairlearn has none; with equal weights the two agree). With α = 1 no feature is
 * linearly correlated with the attributes on the training rows any more; a model can still find
 * them through non-linear combinations. The attributes stay out of the features, as before. At
 * prediction time the rows must carry the attributes.
 */
final class CorrelationRemover implements FeatureExtractor {

    private static final String MEAN = "mean";
    private static final String COEFFICIENTS = "coefficients";
    /** Added to the diagonal, relative to its mean, so that an attribute value no training row has keeps the system solvable. */
    private static final double RIDGE = 1e-9;

    private final CorrelationRemoverParams params;

    CorrelationRemover(CorrelationRemoverParams params) {
        this.params = params;
    }

    @Override
    public FeatureTransform fit(Dataset training) {
        List<String> attributes = params.attributes() != null ? params.attributes() : List.copyOf(training.sensitive().keySet());
        if (attributes.isEmpty()) {
            throw new InvalidInputException("correlation-remover: the data has no sensitive attributes; name them in the data source");
        }
        SensitiveEncoding encoding = SensitiveEncoding.fit(training.sensitive(), attributes);
        int n = training.rows();
        int k = encoding.width();
        if (k == 0) {
            return new Removal(encoding, null, null, params.alpha());
        }
        INDArray indicators = Nd4j.create(encoding.indicators(training.sensitive(), n), new long[] {n, k}, DataType.FLOAT);
        INDArray weights = Nd4j.create(training.weights(), new long[] {n, 1}, DataType.FLOAT);
        double total = weights.sumNumber().doubleValue();
        if (!(total > 0)) {
            throw new InvalidInputException("correlation-remover: the training rows' weights sum to " + total);
        }
        INDArray mean = indicators.mulColumnVector(weights).sum(0).divi(total).reshape(1, k);
        INDArray centred = indicators.subRowVector(mean);
        INDArray weighted = centred.mulColumnVector(weights).transpose();
        double[][] gram = weighted.mmul(centred).toDoubleMatrix();
        double[][] moments = weighted.mmul(training.features()).toDoubleMatrix();
        double[][] coefficients = LeastSquares.solve(gram, moments, RIDGE);
        return new Removal(encoding, mean, Nd4j.create(coefficients).castTo(DataType.FLOAT), params.alpha());
    }

    @Override
    public FeatureTransform restore(Map<String, INDArray> state) {
        Map<String, Integer> keys = new LinkedHashMap<>();
        state.forEach((key, value) -> {
            if (key.startsWith(SensitiveEncoding.LEVEL)) {
                keys.put(key, value.getInt(0));
            }
        });
        return new Removal(SensitiveEncoding.fromKeys(keys), state.get(MEAN), state.get(COEFFICIENTS), params.alpha());
    }

    /** A fitted removal; without indicator columns (every attribute had one value), it changes nothing. */
    private record Removal(SensitiveEncoding encoding, INDArray mean, INDArray coefficients, double alpha) implements FeatureTransform {

        @Override
        public Dataset apply(Dataset data) {
            if (encoding.width() == 0) {
                return data;
            }
            INDArray indicators = Nd4j.create(encoding.indicators(data.sensitive(), data.rows()),
                    new long[] {data.rows(), encoding.width()}, DataType.FLOAT);
            INDArray fitted = indicators.subRowVector(mean).mmul(coefficients).muli(alpha);
            return data.withFeatures(data.features().sub(fitted));
        }

        @Override
        public Map<String, INDArray> state() {
            Map<String, INDArray> state = new LinkedHashMap<>();
            encoding.keys().forEach((key, column) -> state.put(key, Nd4j.scalar(DataType.INT32, column)));
            if (encoding.width() > 0) {
                state.put(MEAN, mean);
                state.put(COEFFICIENTS, coefficients);
            }
            return state;
        }
    }
}
