package dev.fulcrum.plugins.resample;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.augment.Augmenter;
import dev.fulcrum.api.augment.AugmenterFactory;
import dev.fulcrum.api.augment.Batch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.pf4j.Extension;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * SMOTE (Chawla, Bowyer, Hall and Kegelmeyer, "SMOTE: Synthetic Minority Over-sampling Technique",
 * JAIR 16, 2002): each synthetic row is {@code x + u (n - x)}, with {@code x} a random row of the
 * class, {@code n} one of its k nearest neighbours in the class, and {@code u ~ U(0, 1)}. Fresh
 * synthetic rows are drawn each epoch and added to the real ones, carrying the base row's weight.
 */
@Extension
public final class SmoteFactory implements AugmenterFactory<SmoteParams> {

    @Override
    public String type() {
        return "smote";
    }

    @Override
    public String description() {
        return "Adds synthetic rows of the smaller classes of a task, between a row and a near neighbour (SMOTE).";
    }

    @Override
    public Class<SmoteParams> paramsType() {
        return SmoteParams.class;
    }

    @Override
    public Augmenter create(SmoteParams params, RunContext context) {
        return (rows, seed) -> rows.tasks().contains(params.task()) ? synthesize(rows, params, new SplittableRandom(seed)) : rows;
    }

    private static Batch synthesize(Batch rows, SmoteParams params, SplittableRandom random) {
        ClassRows classes = ClassRows.of(rows, params.task());
        Batch result = rows;
        for (int label = 0; label < classes.classes(); label++) {
            int missing = classes.shortfall(label, params.ratio());
            if (missing > 0) {
                result = addSynthetic(result, rows, params, label, classes.rows(label), missing, random);
            }
        }
        return result;
    }

    private static Batch addSynthetic(Batch result, Batch rows, SmoteParams params, int label, int[] members, int missing,
                                      SplittableRandom random) {
        int k = Math.min(params.k(), members.length - 1);
        int[][] nearest = k == 0 ? null : Neighbours.nearest(Nd4j.pullRows(rows.features(), 1, members), k);
        int[] base = new int[missing];
        int[] neighbour = new int[missing];
        float[] gap = new float[missing];
        for (int i = 0; i < missing; i++) {
            int chosen = random.nextInt(members.length);
            base[i] = members[chosen];
            neighbour[i] = k == 0 ? base[i] : members[nearest[chosen][random.nextInt(k)]];
            gap[i] = (float) random.nextDouble();
        }
        INDArray from = Nd4j.pullRows(rows.features(), 1, base);
        INDArray towards = Nd4j.pullRows(rows.features(), 1, neighbour);
        INDArray synthetic = towards.subi(from).muliColumnVector(Nd4j.create(gap, new long[] {missing, 1}, DataType.FLOAT)).addi(from);
        int[] labels = new int[missing];
        Arrays.fill(labels, label);
        return LabelledRows.append(result, params.task(), synthetic, labels, Nd4j.pullRows(rows.weights(), 1, base));
    }
}
