package dev.fulcrum.plugins.resample;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Exact nearest neighbours by Euclidean distance, from squared distances {@code |a|^2 + |b|^2 - 2 a.b} in blocks of rows. */
final class Neighbours {

    private static final int BLOCK = 1024;

    private Neighbours() {
    }

    /** For each row, the indices of its {@code k} nearest other rows, nearest first; {@code k < rows}. */
    static int[][] nearest(INDArray rows, int k) {
        int n = rows.rows();
        INDArray squares = rows.mul(rows).sum(true, 1);
        INDArray squaresRow = squares.reshape(1, n);
        int[][] nearest = new int[n][k];
        for (int start = 0; start < n; start += BLOCK) {
            int end = Math.min(n, start + BLOCK);
            INDArray block = rows.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            INDArray distances = block.mmul(rows.transpose()).muli(-2)
                    .addiColumnVector(squares.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()))
                    .addiRowVector(squaresRow);
            for (int r = start; r < end; r++) {
                distances.putScalar(r - start, r, Float.POSITIVE_INFINITY);
            }
            for (int j = 0; j < k; j++) {
                int[] closest = Nd4j.argMin(distances, 1).toIntVector();
                for (int r = start; r < end; r++) {
                    nearest[r][j] = closest[r - start];
                    distances.putScalar(r - start, closest[r - start], Float.POSITIVE_INFINITY);
                }
            }
        }
        return nearest;
    }
}
