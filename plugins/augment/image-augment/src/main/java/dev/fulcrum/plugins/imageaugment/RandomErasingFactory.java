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
 * Random Erasing (Zhong, Zheng, Kang, Li and Yang, "Random Erasing Data Augmentation", AAAI 2020),
 * Algorithm 1: with probability p, draw an area share in [min-area, max-area] and an aspect ratio in
 * [min-aspect, 1 / min-aspect]; if the rectangle fits, place it uniformly, else draw again (at most
 * {@value #ATTEMPTS} times). Erased pixels get random values, or a fixed one.
 */
@Extension
public final class RandomErasingFactory implements AugmenterFactory<RandomErasingParams> {

    private static final int ATTEMPTS = 10;

    @Override
    public String type() {
        return "random-erasing";
    }

    @Override
    public String description() {
        return "Overwrites a random rectangle of some training images with noise each epoch (Random Erasing).";
    }

    @Override
    public Class<RandomErasingParams> paramsType() {
        return RandomErasingParams.class;
    }

    @Override
    public Augmenter create(RandomErasingParams params, RunContext context) {
        return (rows, seed) -> erase(rows, params, new SplittableRandom(seed));
    }

    private Batch erase(Batch rows, RandomErasingParams params, SplittableRandom random) {
        ImageShape shape = ImageRows.shape(rows, type());
        int n = rows.rows();
        int h = shape.height();
        int w = shape.width();
        Boxes boxes = new Boxes(n);
        for (int row = 0; row < n; row++) {
            if (random.nextDouble() >= params.probability()) {
                continue;
            }
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                double area = uniform(random, params.minArea(), params.maxArea()) * h * w;
                double aspect = uniform(random, params.minAspect(), 1 / params.minAspect());
                int height = (int) Math.round(Math.sqrt(area * aspect));
                int width = (int) Math.round(Math.sqrt(area / aspect));
                if (height < h && width < w) {
                    int top = random.nextInt(h - height + 1);
                    int left = random.nextInt(w - width + 1);
                    boxes.set(row, top, top + height, left, left + width);
                    break;
                }
            }
        }
        INDArray features = rows.features();
        INDArray fill = params.value() != null
                ? Nd4j.valueArrayOf(features.shape(), params.value().floatValue(), DataType.FLOAT)
                : RandomArrays.uniform(random.nextLong(), features.minNumber().doubleValue(), features.maxNumber().doubleValue(),
                features.shape());
        return rows.withFeatures(boxes.paste(features, shape, fill));
    }

    private static double uniform(SplittableRandom random, double from, double to) {
        return from + (to - from) * random.nextDouble();
    }
}
