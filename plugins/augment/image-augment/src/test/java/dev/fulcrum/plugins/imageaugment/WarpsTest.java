package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.augment.Augmenter;
import dev.fulcrum.api.augment.Batch;
import dev.fulcrum.api.data.ImageShape;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class WarpsTest {

    private static final ImageShape SHAPE = new ImageShape(1, 7, 9);

    @Test
    void shiftMovesEachImageByWholePixelsWithinTheLimitAndDrawsEveryOffset() {
        int n = 600;
        // Row i has one lit pixel at (2 + i % 3, 2 + i % 5), far enough from the border for a 2-pixel shift.
        Batch rows = ImageBatches.images(SHAPE, n, i -> (c, y, x) -> y == 2 + i % 3 && x == 2 + i % 5 ? 1f : 0f);
        Augmenter shift = new ShiftFactory().create(new ShiftParams(2, null), null);
        Batch shifted = shift.apply(rows, 21);
        Set<String> offsets = new HashSet<>();
        for (int i = 0; i < n; i++) {
            int[] lit = litPixel(ImageBatches.channel(shifted, i, 0));
            int down = lit[0] - (2 + i % 3);
            int across = lit[1] - (2 + i % 5);
            assertTrue(Math.abs(down) <= 2 && Math.abs(across) <= 2, "row " + i + " moved by " + down + ", " + across);
            offsets.add(down + "," + across);
        }
        assertEquals(25, offsets.size(), "every offset in -2..2 x -2..2 is drawn");
        assertEquals(rows.target("specific"), shifted.target("specific"), "rows stay in place with their targets");
        assertEquals(shifted.features(), shift.apply(rows, 21).features(), "the seed alone decides the shifts");
    }

    @Test
    void uncoveredPixelsGetTheFillValue() {
        Batch ones = ImageBatches.images(SHAPE, 200, i -> (c, y, x) -> 1f);
        Batch shifted = new ShiftFactory().create(new ShiftParams(2, -1.0), null).apply(ones, 4);
        Set<Integer> uncoveredCounts = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int uncovered = 0;
            for (float[] line : ImageBatches.channel(shifted, i, 0)) {
                for (float value : line) {
                    assertTrue(value == 1f || value == -1f, "pixel " + value);
                    uncovered += value == -1f ? 1 : 0;
                }
            }
            uncoveredCounts.add(uncovered);
        }
        // Shifts by (dy, dx) uncover 7 * 9 - (7 - |dy|) (9 - |dx|) pixels: 0, 7, 9, 14, 15, 18, 21, 23 or 28 of them.
        assertEquals(Set.of(0, 7, 9, 14, 15, 18, 21, 23, 28), uncoveredCounts);
    }

    /** The one pixel that is exactly 1, with every other pixel exactly 0. */
    private static int[] litPixel(float[][] image) {
        int[] lit = null;
        for (int y = 0; y < image.length; y++) {
            for (int x = 0; x < image[y].length; x++) {
                if (image[y][x] == 1f && lit == null) {
                    lit = new int[] {y, x};
                } else if (image[y][x] != 0f) {
                    fail("pixel " + y + "," + x + " is " + image[y][x]);
                }
            }
        }
        assertTrue(lit != null, "the lit pixel was lost");
        return lit;
    }

    @Test
    void flipMirrorsExactlyAboutHalfTheImagesLeftToRight() {
        ImageShape twoChannels = new ImageShape(2, 4, 5);
        int n = 400;
        Batch rows = ImageBatches.images(twoChannels, n, i -> (c, y, x) -> i + 100 * c + 10 * y + x);
        Batch flipped = new FlipFactory().create(new FlipParams(null, null), null).apply(rows, 8);
        int mirrored = 0;
        for (int i = 0; i < n; i++) {
            float[][] before = ImageBatches.channel(rows, i, 1);
            float[][] after = ImageBatches.channel(flipped, i, 1);
            boolean same = true;
            boolean mirror = true;
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 5; x++) {
                    same &= after[y][x] == before[y][x];
                    mirror &= after[y][x] == before[y][4 - x];
                }
            }
            assertTrue(same || mirror, "row " + i + " is neither itself nor its mirror");
            mirrored += same ? 0 : 1;
        }
        assertEquals(0.5, mirrored / (double) n, 0.08);
    }

    /**
     * Bilinear interpolation is exact on a linear image {@code f = 3 (y - 7) - 2 (x - 7) + 50}, so
     * inside the disc that stays in the frame the rotated image is the same plane turned by a whole
     * number of degrees.
     */
    @Test
    void rotateTurnsALinearImageByAWholeNumberOfDegreesWithinTheLimit() {
        ImageShape square = new ImageShape(1, 15, 15);
        int n = 300;
        Batch rows = ImageBatches.images(square, n, i -> (c, y, x) -> 3f * (y - 7) - 2f * (x - 7) + 50);
        Batch turned = new RotateFactory().create(new RotateParams(10, null), null).apply(rows, 5);
        Set<Integer> angles = new HashSet<>();
        for (int i = 0; i < n; i++) {
            angles.add(angleOf(ImageBatches.channel(turned, i, 0)));
        }
        assertTrue(angles.size() >= 18, "angles drawn: " + angles);
        assertTrue(angles.stream().allMatch(a -> Math.abs(a) <= 10), "angles drawn: " + angles);
    }

    /** The angle in -10..10 whose turned plane matches the image within radius 6 of the centre, or a failure. */
    private static int angleOf(float[][] image) {
        for (int degrees = -10; degrees <= 10; degrees++) {
            double cos = Math.cos(Math.toRadians(degrees));
            double sin = Math.sin(Math.toRadians(degrees));
            boolean matches = true;
            for (int y = 0; y < 15 && matches; y++) {
                for (int x = 0; x < 15 && matches; x++) {
                    double dy = y - 7;
                    double dx = x - 7;
                    if (dy * dy + dx * dx > 36) {
                        continue;
                    }
                    double expected = 3 * (dy * cos - dx * sin) - 2 * (dy * sin + dx * cos) + 50;
                    matches = Math.abs(image[y][x] - expected) < 1e-3;
                }
            }
            if (matches) {
                return degrees;
            }
        }
        return fail("the image is no whole-degree turn of the plane");
    }

    @Test
    void warpsRefuseRowsThatAreNotImagesAndImagesTooLargeForAPixelMap() {
        Batch plain = ImageBatches.plainRows(3, 4);
        for (Augmenter augmenter : new Augmenter[] {new ShiftFactory().create(new ShiftParams(null, null), null),
                new FlipFactory().create(new FlipParams(null, null), null), new RotateFactory().create(new RotateParams(null, null), null)}) {
            InvalidInputException error = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                    () -> augmenter.apply(plain, 1));
            assertTrue(error.getMessage().contains("works on images"), error.getMessage());
        }
        Batch large = ImageBatches.images(new ImageShape(1, 65, 65), 1, i -> (c, y, x) -> 0f);
        InvalidInputException error = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> new RotateFactory().create(new RotateParams(null, null), null).apply(large, 1));
        assertTrue(error.getMessage().contains("at most 4096 pixels"), error.getMessage());
    }
}
