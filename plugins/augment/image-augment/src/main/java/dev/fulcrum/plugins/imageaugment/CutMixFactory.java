package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.augment.Augmenter;
import dev.fulcrum.api.augment.AugmenterFactory;
import dev.fulcrum.api.augment.Batch;
import dev.fulcrum.api.data.ImageShape;
import dev.fulcrum.math.random.RandomArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.pf4j.Extension;

import java.util.SplittableRandom;

/**
 * CutMix (Yun et al., "CutMix: Regularization Strategy to Train Strong Classifiers with Localizable
 * Features", ICCV 2019): a box of a partner image is pasted in, and the targets are mixed by the
 * share of pixels each image keeps. The box is drawn as in the authors' {@code rand_bbox}: sides
 * {@code sqrt(1 - l)} of the image's, centred on a uniform pixel, clipped to the image.
 */
@Extension
public final class CutMixFactory implements AugmenterFactory<CutMixParams> {

    @Override
    public String type() {
        return "cutmix";
    }

    @Override
    public String description() {
        return "Pastes a random box from another training image into each image and mixes their targets by area (CutMix).";
    }

    @Override
    public Class<CutMixParams> paramsType() {
        return CutMixParams.class;
    }

    @Override
    public Augmenter create(CutMixParams params, RunContext context) {
        return (rows, seed) -> cutMix(rows, params, new SplittableRandom(seed));
    }

    private Batch cutMix(Batch rows, CutMixParams params, SplittableRandom random) {
        ImageShape shape = ImageRows.shape(rows, type());
        int n = rows.rows();
        if (n < 2) {
            return rows;
        }
        int h = shape.height();
        int w = shape.width();
        int[] partners = RandomArrays.permutation(n, random);
        float[] lambda = RandomArrays.beta(params.alpha(), params.alpha(), n, random).toFloatVector();
        Boxes boxes = new Boxes(n);
        float[] share = new float[n];
        for (int row = 0; row < n; row++) {
            if (random.nextDouble() < params.probability()) {
                double side = Math.sqrt(1 - lambda[row]);
                int cutH = (int) (h * side);
                int cutW = (int) (w * side);
                int centreY = random.nextInt(h);
                int centreX = random.nextInt(w);
                boxes.set(row, clamp(centreY - cutH / 2, h), clamp(centreY + cutH / 2, h),
                        clamp(centreX - cutW / 2, w), clamp(centreX + cutW / 2, w));
            }
            share[row] = 1 - (float) boxes.area(row) / (h * w);
        }
        INDArray features = rows.features();
        INDArray mixed = boxes.paste(features, shape, Nd4j.pullRows(features, 1, partners));
        return rows.mixed(partners, Nd4j.create(share, new long[] {n, 1}, DataType.FLOAT), mixed);
    }

    private static int clamp(int value, int size) {
        return Math.max(0, Math.min(size, value));
    }
}
