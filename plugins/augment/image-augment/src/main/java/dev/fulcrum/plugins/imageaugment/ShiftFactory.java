package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.augment.Augmenter;
import dev.fulcrum.api.augment.AugmenterFactory;
import dev.fulcrum.api.data.ImageShape;
import org.pf4j.Extension;

import java.util.SplittableRandom;

@Extension
public final class ShiftFactory implements AugmenterFactory<ShiftParams> {

    @Override
    public String type() {
        return "shift";
    }

    @Override
    public String description() {
        return "Moves each training image by a few random whole pixels each epoch (translation).";
    }

    @Override
    public Class<ShiftParams> paramsType() {
        return ShiftParams.class;
    }

    @Override
    public Augmenter create(ShiftParams params, RunContext context) {
        int max = params.maxPixels();
        int side = 2 * max + 1;
        Warps warps = new Warps((shape, c) -> {
            int down = c / side - max;
            int across = c % side - max;
            return down == 0 && across == 0 ? null : (y, x) -> new double[] {y - down, x - across};
        }, params.fill());
        return (rows, seed) -> {
            ImageShape shape = ImageRows.shape(rows, type());
            PixelMap.requireSmall(shape, type());
            SplittableRandom random = new SplittableRandom(seed);
            int[] choice = new int[rows.rows()];
            for (int row = 0; row < choice.length; row++) {
                choice[row] = random.nextInt(side * side);
            }
            return warps.apply(rows, shape, choice);
        };
    }
}
