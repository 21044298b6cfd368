package dev.fulcrum.math.representation;

import dev.fulcrum.api.Experimental;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Linear centred kernel alignment (Kornblith et al. 2019, "Similarity of Neural Network
 * Representations Revisited", arXiv 1905.00414): how alike two representations of the same n rows
 * are, {@code HSIC(K, L) / sqrt(HSIC(K, K) HSIC(L, L))} with linear kernels {@code K = X X^T},
 * {@code L = Y Y^T}. 1 for representations equal up to an orthogonal map and an isotropic scaling,
 * whatever their widths. In DOUBLE.
 *
 * <p>The biased estimator uses the plain HSIC and stays well above 0 for independent representations
 * when the width is not small against n; the debiased one uses Song et al.'s unbiased HSIC (see
 * {@link Hsic}) and stays near 0 there, so it is the one to read where n is not large against the widths. {@link #of}
 * works in feature space ({@code O(n p q)} time, {@code p x q} memory, or the {@code n x n} Gram matrices
 * where a layer is wider than the rows), so it suits many rows; {@link #ofGrams} in Gram space. The two agree.
 *
 * <p>Undefined (NaN) where a representation has no variance across the rows (a layer whose units
 * are all constant, say, or a debiased self-similarity that comes out non-positive).
 */
@Experimental
public final class LinearCka {

    /** Which HSIC estimator the index is built on. */
    public enum Estimator {
        BIASED, DEBIASED;

        /** The lower-case name, as options and files write it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws IllegalArgumentException naming the estimators for any other name */
        public static Estimator named(String name) {
            for (Estimator estimator : values()) {
                if (estimator.label().equals(name)) {
                    return estimator;
                }
            }
            throw new IllegalArgumentException("no CKA estimator " + name + "; estimators are biased, debiased");
        }
    }

    private LinearCka() {
    }

    /** CKA of two representations of the same rows, {@code n x p} and {@code n x q}, in feature space. */
    public static double of(INDArray x, INDArray y, Estimator estimator) {
        return similarity(Representation.of(x, estimator), Representation.of(y, estimator));
    }

    /** CKA of two Gram matrices of the same rows, {@code n x n} each, through {@link Hsic}. */
    public static double ofGrams(INDArray k, INDArray l, Estimator estimator) {
        if (estimator == Estimator.DEBIASED) {
            return ratio(Hsic.unbiased(k, l), Hsic.unbiased(k, k), Hsic.unbiased(l, l));
        }
        return ratio(Hsic.biased(k, l), Hsic.biased(k, k), Hsic.biased(l, l));
    }

    /**
     * CKA between every representation of {@code first} and every one of {@code second}, all of the same rows:
     * {@code [first.size()][second.size()]}, each representation centred once.
     */
    public static double[][] matrix(List<INDArray> first, List<INDArray> second, Estimator estimator) {
        List<Representation> left = first.stream().map(x -> Representation.of(x, estimator)).toList();
        List<Representation> right = second.stream().map(y -> Representation.of(y, estimator)).toList();
        double[][] cka = new double[left.size()][right.size()];
        for (int i = 0; i < left.size(); i++) {
            for (int j = 0; j < right.size(); j++) {
                cka[i][j] = similarity(left.get(i), right.get(j));
            }
        }
        return cka;
    }

    private static double similarity(Representation x, Representation y) {
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("CKA compares representations of the same rows, got " + x.rows() + " and "
                    + y.rows() + " rows");
        }
        return ratio(x.hsic(y), x.selfHsic(), y.selfHsic());
    }

    private static double ratio(double cross, double selfX, double selfY) {
        double normalisation = selfX * selfY;
        return normalisation > 0 ? cross / Math.sqrt(normalisation) : Double.NaN;
    }

    /**
     * A representation centred per column, with what the debiased estimator needs: each row's squared
     * norm {@code r} (the diagonal of {@code K}) and their sum {@code s = |X|_F^2}.
     *
     * <p>In feature space, with centred columns ({@code K 1 = 0}): {@code tr(K L) = |X^T Y|_F^2},
     * {@code tr(K~ L~) = |X^T Y|_F^2 - r_x . r_y}, {@code 1^T K~ 1 = -s_x} and {@code K~ 1 = -r_x}, so
     * Song et al.'s estimator times {@code n (n - 3)} is
     * {@code |X^T Y|_F^2 - n/(n-2) r_x . r_y + s_x s_y / ((n-1)(n-2))}; the biased one is
     * {@code |X^T Y|_F^2 / (n-1)^2}. The constant factors cancel in the ratio and are left out. Both
     * estimators are unchanged by the centring (it adds terms that the centring matrix, or the
     * U-statistic, removes), so centring first costs nothing.
     */
    private record Representation(INDArray centred, INDArray rowSquares, double squaredNorm, Estimator estimator,
                                  double selfHsic) {

        static Representation of(INDArray features, Estimator estimator) {
            if (features.rank() != 2) {
                throw new IllegalArgumentException("a representation is rows x units, got shape " + Arrays.toString(features.shape()));
            }
            long n = features.rows();
            if (estimator == Estimator.DEBIASED && n < 4) {
                throw new IllegalArgumentException("the debiased CKA needs at least 4 rows, got " + n);
            }
            if (estimator == Estimator.BIASED && n < 2) {
                throw new IllegalArgumentException("CKA needs at least 2 rows, got " + n);
            }
            INDArray x = features.castTo(DataType.DOUBLE);
            INDArray centred = x.subRowVector(x.mean(0));
            INDArray rowSquares = centred.mul(centred).sum(1);
            double squaredNorm = rowSquares.sumNumber().doubleValue();
            Representation partial = new Representation(centred, rowSquares, squaredNorm, estimator, Double.NaN);
            return new Representation(centred, rowSquares, squaredNorm, estimator, partial.hsic(partial));
        }

        /**
         * {@code |X^T Y|_F^2 = tr(X X^T Y Y^T)}: through the {@code p x q} cross-product for layers narrower than the
         * rows, through the {@code n x n} Gram matrices for wider ones (flattened convolutional outputs), whichever is smaller.
         */
        private double crossSquared(Representation other) {
            long n = rows();
            if (centred.columns() * other.centred.columns() <= n * n) {
                INDArray cross = Nd4j.gemm(centred, other.centred, true, false);
                return cross.mul(cross).sumNumber().doubleValue();
            }
            INDArray k = Nd4j.gemm(centred, centred, false, true);
            INDArray l = Nd4j.gemm(other.centred, other.centred, false, true);
            return k.muli(l).sumNumber().doubleValue();
        }

        long rows() {
            return centred.rows();
        }

        double hsic(Representation other) {
            double crossSquared = crossSquared(other);
            if (estimator == Estimator.BIASED) {
                return crossSquared;
            }
            double n = rows();
            return crossSquared - n / (n - 2) * rowSquares.mul(other.rowSquares).sumNumber().doubleValue()
                    + squaredNorm * other.squaredNorm / ((n - 1) * (n - 2));
        }
    }
}
