package dev.fulcrum.math.stats;

import dev.fulcrum.api.Experimental;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The maximum mean discrepancy between two weighted samples, the rows of two matrices: the distance
 * between their means in a kernel's feature space (Gretton et al., "A Kernel Two-Sample Test", JMLR
 * 13, 2012). Weights are one non-negative sample weight per row; equal weights give the plain
 * estimators. All in DOUBLE.
 */
@Experimental
public final class MaximumMeanDiscrepancy {

    private MaximumMeanDiscrepancy() {
    }

    /** The squared distance of the weighted means: the squared MMD with a linear kernel. */
    public static double linear(INDArray a, INDArray aWeights, INDArray b, INDArray bWeights) {
        INDArray difference = Covariance.weightedMean(a, aWeights).subi(Covariance.weightedMean(b, bWeights));
        return difference.mul(difference).sumNumber().doubleValue();
    }

    /**
     * The unbiased squared MMD with the Gaussian kernel {@code k(x, y) = exp(-|x-y|^2 / (2 s^2))}:
     * {@code E[k(a, a')] + E[k(b, b')] - 2 E[k(a, b)]}, with weighted means over pairs of distinct
     * rows (Gretton et al. 2012, Lemma 6). It may dip below 0 when the two samples come from one
     * distribution.
     *
     * @param squaredBandwidth {@code s^2}, for example {@link #medianSquaredDistance} of the pooled rows
     */
    public static double rbf(INDArray a, INDArray aWeights, INDArray b, INDArray bWeights, double squaredBandwidth) {
        if (!(squaredBandwidth > 0)) {
            throw new IllegalArgumentException("the kernel's squared bandwidth must be positive, got " + squaredBandwidth);
        }
        INDArray x = a.castTo(DataType.DOUBLE);
        INDArray y = b.castTo(DataType.DOUBLE);
        INDArray xWeights = Covariance.column(aWeights, x.rows());
        INDArray yWeights = Covariance.column(bWeights, y.rows());
        double gamma = 1 / (2 * squaredBandwidth);
        return withinMean(kernel(x, x, gamma), xWeights)
                + withinMean(kernel(y, y, gamma), yWeights)
                - 2 * kernel(x, y, gamma).mmul(yWeights).muli(xWeights).sumNumber().doubleValue()
                / (xWeights.sumNumber().doubleValue() * yWeights.sumNumber().doubleValue());
    }

    /**
     * The median squared distance between distinct rows: the median heuristic for the kernel's
     * bandwidth (Gretton et al. 2012, Sec. 8). The n zeros of the diagonal sort first, and each pair
     * appears twice, so the median of the pairs sits at rank {@code n + (n^2 - n) / 2} of all
     * {@code n^2} sorted entries.
     */
    public static double medianSquaredDistance(INDArray rows) {
        long n = rows.rows();
        if (n < 2) {
            throw new IllegalArgumentException("a distance between rows needs at least 2 rows, got " + n);
        }
        INDArray x = rows.castTo(DataType.DOUBLE);
        INDArray sorted = Nd4j.sort(squaredDistances(x, x).reshape(n * n), true);
        long pairs = n * n - n;
        long middle = n + pairs / 2;
        return pairs % 2 == 1 ? sorted.getDouble(middle) : (sorted.getDouble(middle - 1) + sorted.getDouble(middle)) / 2;
    }

    private static INDArray kernel(INDArray a, INDArray b, double gamma) {
        return Transforms.exp(squaredDistances(a, b).muli(-gamma), false);
    }

    /** Weighted mean of a Gram matrix over pairs of distinct rows; its diagonal is k(x, x) = 1. */
    private static double withinMean(INDArray gram, INDArray weights) {
        double total = weights.sumNumber().doubleValue();
        double squares = weights.mul(weights).sumNumber().doubleValue();
        double all = gram.mmul(weights).muli(weights).sumNumber().doubleValue();
        return (all - squares) / (total * total - squares);
    }

    private static INDArray squaredDistances(INDArray a, INDArray b) {
        INDArray aa = a.mul(a).sum(true, 1);
        INDArray bb = b.mul(b).sum(true, 1).transpose();
        INDArray distances = a.mmul(b.transpose()).muli(-2).addiColumnVector(aa).addiRowVector(bb);
        return Transforms.max(distances, 0.0, false);
    }
}
