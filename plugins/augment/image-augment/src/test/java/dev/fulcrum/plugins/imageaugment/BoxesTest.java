package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.augment.Batch;
import dev.fulcrum.api.data.ImageShape;
import dev.fulcrum.testkit.ParamsYaml;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoxesTest {

    private static final ImageShape SHAPE = new ImageShape(2, 12, 16);

    /** Row i is filled with the value i + 1 in both channels, and is class i. */
    private static Batch constantImages(int n) {
        return ImageBatches.images(SHAPE, n, i -> (c, y, x) -> i + 1f);
    }

    @Test
    void cutMixTargetsGiveEachImageItsShareOfPixels() {
        int n = 300;
        Batch rows = constantImages(n);
        Batch mixed = new CutMixFactory().create(new CutMixParams(1.0, 0.5), null).apply(rows, 13);
        int pasted = 0;
        for (int i = 0; i < n; i++) {
            float[] target = mixed.target("specific").getRow(i).toFloatVector();
            float[][] first = ImageBatches.channel(mixed, i, 0);
            assertRectangleOfOtherValue(first, i + 1f);
            assertEquals(java.util.Arrays.deepToString(first), java.util.Arrays.deepToString(ImageBatches.channel(mixed, i, 1)),
                    "both channels get the same box");
            int own = 0;
            for (float[] line : first) {
                for (float value : line) {
                    own += value == i + 1f ? 1 : 0;
                }
            }
            assertEquals(own / (double) (12 * 16), target[i], 1e-6, "row " + i + " keeps its share of pixels as its target");
            pasted += own < 12 * 16 ? 1 : 0;
        }
        assertTrue(pasted > 0.3 * n && pasted < 0.55 * n, pasted + " of " + n + " images got a box at probability 0.5");
    }

    @Test
    void randomErasingOverwritesOneRectangleOfTheConfiguredSizeAndKeepsTargets() {
        int n = 400;
        Batch rows = constantImages(n);
        Batch erased = new RandomErasingFactory().create(new RandomErasingParams(0.5, 0.02, 0.4, 0.3, -1.0), null).apply(rows, 3);
        int count = 0;
        for (int i = 0; i < n; i++) {
            int[] box = assertRectangleOfOtherValue(ImageBatches.channel(erased, i, 0), i + 1f);
            if (box[0] > 0) {
                count++;
                double share = box[0] / (double) (12 * 16);
                double aspect = box[1] / (double) box[2];
                assertTrue(share > 0.01 && share < 0.45, "row " + i + " erased a share " + share);
                assertTrue(aspect > 0.2 && aspect < 1 / 0.2, "row " + i + " erased a box of aspect " + aspect);
                assertEquals(-1f, ImageBatches.channel(erased, i, 1)[box[3]][box[4]], "erased pixels get the value");
            }
        }
        assertEquals(rows.target("specific"), erased.target("specific"));
        assertEquals(0.5, count / (double) n, 0.08);
    }

    @Test
    void randomErasingFillsWithRandomValuesInTheRowsRange() {
        Batch erased = new RandomErasingFactory().create(new RandomErasingParams(1.0, 0.3, 0.4, null, null), null)
                .apply(constantImages(50), 3);
        assertTrue(erased.features().minNumber().doubleValue() >= 1 && erased.features().maxNumber().doubleValue() <= 50);
        assertTrue(erased.features().getRow(0).maxNumber().doubleValue() > 1, "row 0 (all 1) got random values");
    }

    /**
     * Checks that the pixels differing from {@code own} form one filled rectangle, and returns
     * {@code {area, height, width, top, left}} of it ({@code area} 0 when no pixel differs).
     */
    private static int[] assertRectangleOfOtherValue(float[][] image, float own) {
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        int left = Integer.MAX_VALUE;
        int right = -1;
        int count = 0;
        for (int y = 0; y < image.length; y++) {
            for (int x = 0; x < image[y].length; x++) {
                if (image[y][x] != own) {
                    count++;
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        if (count == 0) {
            return new int[] {0, 0, 0, 0, 0};
        }
        assertEquals((bottom - top + 1) * (right - left + 1), count, "the changed pixels fill a rectangle");
        return new int[] {count, bottom - top + 1, right - left + 1, top, left};
    }

    @Test
    void boxesRefuseRowsThatAreNotImages() {
        Batch plain = ImageBatches.plainRows(3, 4);
        assertThrows(InvalidInputException.class, () -> new CutMixFactory().create(new CutMixParams(null, null), null).apply(plain, 1));
        assertThrows(InvalidInputException.class,
                () -> new RandomErasingFactory().create(new RandomErasingParams(null, null, null, null, null), null).apply(plain, 1));
    }

    @Test
    void aBadMinAreaIsNamedRatherThanTheMaxAreaThatDependsOnIt() {
        assertEquals("params.yaml:1: min-area: must be in (0, 1], got 2.0", ParamsYaml.error(RandomErasingParams.class, "min-area: 2.0"));
        assertEquals("params.yaml:1: max-area: must be between min-area (0.3) and 1, got 0.2",
                ParamsYaml.error(RandomErasingParams.class, "{min-area: 0.3, max-area: 0.2}"));
        assertEquals("params.yaml:1: probability: must be in (0, 1], got 0.0", ParamsYaml.error(CutMixParams.class, "probability: 0"));
    }
}
