package dev.fulcrum.math.representation;

import dev.fulcrum.api.Experimental;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * The Hilbert-Schmidt independence criterion of two kernel (Gram) matrices over the same n rows, in
 * DOUBLE: how far the rows' similarities under one kernel track those under the other. Two
 * estimators: the biased {@code tr(K H L H) / (n - 1)^2} (Gretton et al. 2005, with {@code H} the
 * centring matrix) and the unbiased one of Song et al. 2012 ("Feature selection via dependence
 * maximization", JMLR 13, 2012), which needs {@code n >= 4}. The Gram matrices are {@code n x n}:
 * for linear kernels on many rows, {@link LinearCka} works in feature space instead.
 */
@Experimental
public final class Hsic {

    private Hsic() {
    }

    /** {@code tr(K H L H) / (n - 1)^2}, {@code H = I - 11^T / n}. */
    public static double biased(INDArray k, INDArray l) {
        long n = rows(k, l);
        INDArray centeredK = centered(k.castTo(DataType.DOUBLE));
        INDArray centeredL = centered(l.castTo(DataType.DOUBLE));
        // tr(A B) of symmetric A, B is the sum of their elementwise product
        return centeredK.mul(centeredL).sumNumber().doubleValue() / ((double) (n - 1) * (n - 1));
    }

    /**
     * Song et al. 2012, in closed form: with {@code K~, L~} the Gram matrices with zeroed diagonals,
     * {@code [tr(K~ L~) + 1^T K~ 1 * 1^T L~ 1 / ((n-1)(n-2)) - 2/(n-2) 1^T K~ L~ 1] / (n (n-3))}.
     * It is unbiased, so it may fall below 0 where the two are independent.
     */
    public static double unbiased(INDArray k, INDArray l) {
        long n = rows(k, l);
        if (n < 4) {
            throw new IllegalArgumentException("the unbiased HSIC needs at least 4 rows, got " + n);
        }
        INDArray offK = offDiagonal(k.castTo(DataType.DOUBLE));
        INDArray offL = offDiagonal(l.castTo(DataType.DOUBLE));
        double trace = offK.mul(offL).sumNumber().doubleValue();
        double sumK = offK.sumNumber().doubleValue();
        double sumL = offL.sumNumber().doubleValue();
        double rowSums = offK.sum(1).mul(offL.sum(0)).sumNumber().doubleValue(); // 1^T K~ L~ 1 = (K~ 1) . (L~ 1), L~ symmetric
        return (trace + sumK * sumL / ((double) (n - 1) * (n - 2)) - 2.0 / (n - 2) * rowSums) / ((double) n * (n - 3));
    }

    /** {@code H K H}: the row and column means subtracted, the grand mean added back. */
    private static INDArray centered(INDArray gram) {
        INDArray columnMeans = gram.mean(0);
        INDArray rowMeans = gram.mean(1).reshape(gram.rows(), 1);
        double grand = gram.meanNumber().doubleValue();
        return gram.subRowVector(columnMeans).subColumnVector(rowMeans).addi(grand);
    }

    private static INDArray offDiagonal(INDArray gram) {
        INDArray copy = gram.dup();
        for (long i = 0; i < copy.rows(); i++) {
            copy.putScalar(i, i, 0.0);
        }
        return copy;
    }

    private static long rows(INDArray k, INDArray l) {
        for (INDArray gram : new INDArray[] {k, l}) {
            if (gram.rank() != 2 || gram.rows() != gram.columns()) {
                throw new IllegalArgumentException("a Gram matrix is n x n, got shape " + Arrays.toString(gram.shape()));
            }
        }
        if (k.rows() != l.rows()) {
            throw new IllegalArgumentException("the Gram matrices must cover the same rows, got " + k.rows() + " and " + l.rows());
        }
        return k.rows();
    }
}
