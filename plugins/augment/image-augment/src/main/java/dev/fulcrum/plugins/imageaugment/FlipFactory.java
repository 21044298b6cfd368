package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.augment.Augmenter;
import dev.fulcrum.api.augment.AugmenterFactory;
import dev.fulcrum.api.data.ImageShape;
import org.pf4j.Extension;

import java.util.SplittableRandom;

@Extension
public final class FlipFactory implements AugmenterFactory<FlipParams> {

    private static final int HORIZONTAL = 1;
    private static final int VERTICAL = 2;

    @Override
    public String type() {
        return "flip";
    }

    @Override
    public String description() {
        return "Mirrors training images left to right (and optionally top to bottom) at random each epoch.";
    }

    @Override
    public Class<FlipParams> paramsType() {
        return FlipParams.class;
    }

    @Override
    public Augmenter create(FlipParams params, RunContext context) {
        Warps warps = new Warps((shape, c) -> c == 0 ? null : (y, x) -> new double[] {
                (c & VERTICAL) != 0 ? shape.height() - 1 - y : y,
                (c & HORIZONTAL) != 0 ? shape.width() - 1 - x : x}, 0);
        return (rows, seed) -> {
            ImageShape shape = ImageRows.shape(rows, type());
            PixelMap.requireSmall(shape, type());
            SplittableRandom random = new SplittableRandom(seed);
            int[] choice = new int[rows.rows()];
            for (int row = 0; row < choice.length; row++) {
                choice[row] = (random.nextDouble() < params.horizontal() ? HORIZONTAL : 0)
                        | (random.nextDouble() < params.vertical() ? VERTICAL : 0);
            }
            return warps.apply(rows, shape, choice);
        };
    }
}
