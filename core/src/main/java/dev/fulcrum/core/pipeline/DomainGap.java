package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.math.classify.LogisticRegression;
import dev.fulcrum.math.stats.Covariance;
import dev.fulcrum.math.stats.MaximumMeanDiscrepancy;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * How far apart the source rows' features are from the target rows', in four measures. The rows
 * are those of the {@code target} domain against those of every other domain, in every partition,
 * each side subsampled (seeded) to at most {@value #MAX_ROWS} rows; a row's sample weight counts,
 * so importance weights show in the figures. All on whole matrices, in DOUBLE (but for the
 * classifier's gradient steps, in FLOAT).
 *
 * @param rowsPerDomain            rows measured on each side
 * @param covarianceDistance       mean absolute difference of the two (weighted) covariance matrices
 * @param mmdLinear                squared distance of the (weighted) means: the MMD with a linear kernel
 *                                 (Gretton et al., JMLR 2012)
 * @param mmdRbf                   unbiased squared MMD with the Gaussian kernel {@code exp(-|x-y|^2 / (2 s^2))},
 *                                 {@code s} the median distance between pooled rows (the median heuristic,
 *                                 Gretton et al. 2012, Sec. 8), taken over {@value #BANDWIDTH_ROWS} of them;
 *                                 may dip below 0 when the gap is nil
 * @param domainClassifierAccuracy accuracy of a logistic regression (C = 1, standardised features)
 *                                 telling source from target, 5-fold cross-validated, on equal numbers of
 *                                 rows per side: 0.5 means indistinguishable, 1 fully separable
 */
record DomainGap(int rowsPerDomain, double covarianceDistance, double mmdLinear, double mmdRbf,
                 double domainClassifierAccuracy) {

    static final int MAX_ROWS = 1000;
    private static final int FOLDS = 5;
    private static final int CLASSIFIER_ITERATIONS = 100;
    /** The median heuristic looks at pairs among this many pooled rows (a random half from each side). */
    private static final int BANDWIDTH_ROWS = 500;

    /** The gap of data with a target domain and another domain, each with at least {@value #FOLDS} rows. */
    static Optional<DomainGap> measure(Dataset data, long seed) {
        int targetDomain = data.schema().domains().indexOf(Domains.TARGET);
        if (targetDomain < 0) {
            return Optional.empty();
        }
        int[] domains = data.domains();
        int[] targetRows = IntStream.range(0, data.rows()).filter(row -> domains[row] == targetDomain).toArray();
        int[] sourceRows = IntStream.range(0, data.rows()).filter(row -> domains[row] != targetDomain).toArray();
        int size = Math.min(MAX_ROWS, Math.min(sourceRows.length, targetRows.length));
        if (size < FOLDS) {
            return Optional.empty();
        }
        SplittableRandom random = new SplittableRandom(seed);
        Side source = Side.of(data, sample(sourceRows, size, random));
        Side target = Side.of(data, sample(targetRows, size, random));
        double covarianceDistance = Transforms.abs(Covariance.weighted(source.features, source.weights)
                .subi(Covariance.weighted(target.features, target.weights))).meanNumber().doubleValue();
        double mmdLinear = MaximumMeanDiscrepancy.linear(source.features, source.weights, target.features, target.weights);
        return Optional.of(new DomainGap(size, covarianceDistance, mmdLinear, mmdRbf(source, target),
                classifierAccuracy(source, target)));
    }

    /** Rows of one side: features and sample weights, both DOUBLE. */
    private record Side(INDArray features, INDArray weights) {
        static Side of(Dataset data, int[] rows) {
            float[] all = data.weights();
            double[] weights = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                weights[i] = all[rows[i]];
            }
            return new Side(Nd4j.pullRows(data.features(), 1, rows).castTo(DataType.DOUBLE),
                    Nd4j.create(weights, new long[] {rows.length, 1}));
        }
    }

    /** {@code size} of the rows, drawn without replacement, in random order (so any prefix is a random sample too). */
    private static int[] sample(int[] rows, int size, SplittableRandom random) {
        int[] pool = rows.clone();
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(pool.length - i);
            int swap = pool[i];
            pool[i] = pool[j];
            pool[j] = swap;
        }
        return Arrays.copyOf(pool, size);
    }

    /** The bandwidth by the median heuristic over the first rows of each side; with all those rows equal, no gap. */
    private static double mmdRbf(Side source, Side target) {
        long half = Math.min(BANDWIDTH_ROWS / 2, source.features.rows());
        INDArray pooled = Nd4j.vstack(source.features.get(NDArrayIndex.interval(0, half), NDArrayIndex.all()),
                target.features.get(NDArrayIndex.interval(0, half), NDArrayIndex.all()));
        double bandwidth = MaximumMeanDiscrepancy.medianSquaredDistance(pooled);
        return bandwidth == 0 ? 0
                : MaximumMeanDiscrepancy.rbf(source.features, source.weights, target.features, target.weights, bandwidth);
    }

    /**
     * Cross-validated weighted accuracy; each side's weights are scaled to sum to its row count. The
     * rows are already a random sample, so folds taking every {@value #FOLDS}th row keep both sides
     * equally in every fold.
     */
    private static double classifierAccuracy(Side source, Side target) {
        long size = source.features.rows();
        return LogisticRegression.crossValidatedAccuracy(Nd4j.vstack(source.features, target.features),
                Nd4j.vstack(Nd4j.zeros(DataType.DOUBLE, size, 1), Nd4j.ones(DataType.DOUBLE, size, 1)),
                Nd4j.vstack(balanced(source.weights), balanced(target.weights)), 1.0, CLASSIFIER_ITERATIONS, FOLDS);
    }

    private static INDArray balanced(INDArray weights) {
        return weights.mul(weights.rows() / weights.sumNumber().doubleValue());
    }
}
