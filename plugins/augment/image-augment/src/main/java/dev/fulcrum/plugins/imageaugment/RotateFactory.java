package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.augment.Augmenter;
import dev.fulcrum.api.augment.AugmenterFactory;
import dev.fulcrum.api.data.ImageShape;
import org.pf4j.Extension;

import java.util.SplittableRandom;

@Extension
public final class RotateFactory implements AugmenterFactory<RotateParams> {

    @Override
    public String type() {
        return "rotate";
    }

    @Override
    public String description() {
        return "Turns each training image by a small random angle about its centre each epoch.";
    }

    @Override
    public Class<RotateParams> paramsType() {
        return RotateParams.class;
    }

    @Override
    public Augmenter create(RotateParams params, RunContext context) {
        int max = params.maxDegrees();
        Warps warps = new Warps((shape, degrees) -> degrees == 0 ? null : turn(shape, degrees), params.fill());
        return (rows, seed) -> {
            ImageShape shape = ImageRows.shape(rows, type());
            PixelMap.requireSmall(shape, type());
            SplittableRandom random = new SplittableRandom(seed);
            int[] choice = new int[rows.rows()];
            for (int row = 0; row < choice.length; row++) {
                choice[row] = random.nextInt(2 * max + 1) - max;
            }
            return warps.apply(rows, shape, choice);
        };
    }

    /** The output pixel reads the point that the rotation carries onto it: the inverse rotation about the centre. */
    private static PixelMap.Source turn(ImageShape shape, int degrees) {
        double centreY = (shape.height() - 1) / 2.0;
        double centreX = (shape.width() - 1) / 2.0;
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        return (y, x) -> new double[] {
                centreY + (y - centreY) * cos - (x - centreX) * sin,
                centreX + (y - centreY) * sin + (x - centreX) * cos};
    }
}
