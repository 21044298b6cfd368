package dev.fulcrum.math.stats;

import dev.fulcrum.api.Experimental;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * The mean and population variance of each channel over every row added, batch by batch: the running
 * statistics a BatchNormalization layer normalises with at inference, computed exactly over a data
 * set (as SWA's {@code bn_update} does, Izmailov et al. 2018) instead of as a moving average. A batch
 * is {@code [rows, channels]} or, for convolutions, {@code [rows, channels, height, width]} (every
 * position counts as a row). Batches are merged with the pairwise update of Chan, Golub and LeVeque
 * (1979), in double precision, so the result does not depend on the batch size beyond rounding.
 */
@Experimental
public final class ChannelMoments {

    private long count;
    private double[] mean;
    private double[] squaredDeviations;

    /** Adds a batch's rows. */
    public void add(INDArray batch) {
        int[] axes = switch (batch.rank()) {
            case 2 -> new int[] {0};
            case 4 -> new int[] {0, 2, 3};
            default -> throw new IllegalArgumentException("expected a batch of rank 2 [rows, channels] or 4 "
                    + "[rows, channels, height, width], got shape " + Arrays.toString(batch.shape()));
        };
        long rows = batch.length() / batch.size(1);
        if (rows == 0) {
            return;
        }
        INDArray values = batch.castTo(DataType.DOUBLE);
        double[] batchMean = values.mean(axes).toDoubleVector();
        double[] batchVariance = values.var(false, axes).toDoubleVector();
        if (mean == null) {
            mean = new double[batchMean.length];
            squaredDeviations = new double[batchMean.length];
        } else if (mean.length != batchMean.length) {
            throw new IllegalArgumentException("a batch of " + batchMean.length + " channels after batches of " + mean.length);
        }
        long merged = count + rows;
        for (int c = 0; c < mean.length; c++) {
            double delta = batchMean[c] - mean[c];
            mean[c] += delta * rows / merged;
            squaredDeviations[c] += batchVariance[c] * rows + delta * delta * count * rows / merged;
        }
        count = merged;
    }

    /** How many rows (positions, for convolutions) were added. */
    public long count() {
        return count;
    }

    /** Each channel's mean. */
    public double[] mean() {
        requireRows();
        return mean.clone();
    }

    /** Each channel's population variance (divided by the count, as batch normalisation uses it). */
    public double[] variance() {
        requireRows();
        double[] variance = new double[squaredDeviations.length];
        for (int c = 0; c < variance.length; c++) {
            variance[c] = squaredDeviations[c] / count;
        }
        return variance;
    }

    private void requireRows() {
        if (count == 0) {
            throw new IllegalStateException("no rows were added");
        }
    }
}
