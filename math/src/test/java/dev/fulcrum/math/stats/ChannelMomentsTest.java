package dev.fulcrum.math.stats;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChannelMomentsTest {

    @Test
    void meanAndPopulationVarianceByHand() {
        ChannelMoments moments = new ChannelMoments();
        moments.add(Nd4j.create(new float[][] {{1, 10}, {2, 20}}));
        moments.add(Nd4j.create(new float[][] {{3, 30}}));
        assertEquals(3, moments.count());
        assertArrayEquals(new double[] {2, 20}, moments.mean(), 1e-12);
        // ((1-2)^2 + 0 + (3-2)^2) / 3 and the same times 100
        assertArrayEquals(new double[] {2.0 / 3, 200.0 / 3}, moments.variance(), 1e-12);
    }

    @Test
    void batchesGiveWhatTheWholeSetGives() {
        Random random = new Random(11);
        float[][] rows = new float[103][4];
        for (float[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                row[c] = (float) (random.nextGaussian() * (c + 1) + 100 * c);
            }
        }
        INDArray all = Nd4j.create(rows);
        ChannelMoments whole = new ChannelMoments();
        whole.add(all);
        ChannelMoments batched = new ChannelMoments();
        for (int from = 0; from < rows.length; from += 10) {
            batched.add(all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, Math.min(rows.length, from + 10)),
                    org.nd4j.linalg.indexing.NDArrayIndex.all()));
        }
        assertArrayEquals(whole.mean(), batched.mean(), 1e-9);
        assertArrayEquals(whole.variance(), batched.variance(), 1e-9);
        assertArrayEquals(all.castTo(DataType.DOUBLE).var(false, 0).toDoubleVector(), whole.variance(), 1e-9);
    }

    @Test
    void convolutionBatchesCountEveryPositionOfAChannel() {
        INDArray batch = Nd4j.arange(16).castTo(DataType.FLOAT).reshape(2, 2, 2, 2);
        ChannelMoments moments = new ChannelMoments();
        moments.add(batch);
        assertEquals(8, moments.count());
        // channel 0 holds 0..3 and 8..11, channel 1 holds 4..7 and 12..15
        assertArrayEquals(new double[] {5.5, 9.5}, moments.mean(), 1e-12);
        assertArrayEquals(new double[] {17.25, 17.25}, moments.variance(), 1e-12);
    }

    @Test
    void noRowsHasNoMoments() {
        assertThrows(IllegalStateException.class, () -> new ChannelMoments().mean());
        assertThrows(IllegalArgumentException.class, () -> new ChannelMoments().add(Nd4j.zeros(3)));
    }
}
