package dev.fulcrum.math.stats;

import dev.fulcrum.api.Experimental;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Means and covariance matrices of the rows of a matrix, in DOUBLE. */
@Experimental
public final class Covariance {

    private Covariance() {
    }

    /** The column means, {@code [1, d]}. */
    public static INDArray mean(INDArray rows) {
        return rows.castTo(DataType.DOUBLE).mean(true, 0);
    }

    /** The sample covariance {@code X_c^T X_c / (n - 1)} of the rows, {@code [d, d]}; needs two rows or more. */
    public static INDArray of(INDArray rows) {
        long n = rows.rows();
        if (n < 2) {
            throw new IllegalArgumentException("a covariance needs at least 2 rows, got " + n);
        }
        INDArray centred = rows.castTo(DataType.DOUBLE).subRowVector(mean(rows));
        return centred.transpose().mmul(centred).divi(n - 1);
    }

    /** The weighted column means {@code sum w x / sum w}, {@code [1, d]}. */
    public static INDArray weightedMean(INDArray rows, INDArray weights) {
        INDArray w = column(weights, rows.rows());
        return rows.castTo(DataType.DOUBLE).mulColumnVector(w).sum(true, 0).divi(w.sumNumber().doubleValue());
    }

    /**
     * The weighted covariance with reliability weights,
     * {@code sum w (x - m)(x - m)^T / (W - sum w^2 / W)} with {@code W = sum w}: equal weights give
     * {@link #of(INDArray)}.
     */
    public static INDArray weighted(INDArray rows, INDArray weights) {
        INDArray w = column(weights, rows.rows());
        double total = w.sumNumber().doubleValue();
        double squares = w.mul(w).sumNumber().doubleValue();
        double denominator = total - squares / total;
        if (!(denominator > 0)) {
            throw new IllegalArgumentException("a weighted covariance needs positive weight on at least 2 rows");
        }
        INDArray centred = rows.castTo(DataType.DOUBLE).subRowVector(weightedMean(rows, w));
        return centred.transpose().mmul(centred.mulColumnVector(w)).divi(denominator);
    }

    /** The weights as a DOUBLE column {@code [rows, 1]}; one per row. */
    static INDArray column(INDArray weights, long rows) {
        if (weights.length() != rows) {
            throw new IllegalArgumentException(weights.length() + " weights for " + rows + " rows");
        }
        return weights.castTo(DataType.DOUBLE).reshape(rows, 1);
    }
}
