package dev.fulcrum.plugins.idx;

import dev.fulcrum.api.DataFileException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.testkit.IdxImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShiftedIdxSourceTest {

    private static final List<String> CLASSES = List.of("a", "b", "c", "d");

    @TempDir
    Path folder;

    private HostRunContext context() {
        return new HostRunContext(1, RunFolder.at(folder));
    }

    private ShiftedIdxParams params(String source, String target, Integer sourceRows, Integer targetRows, String shift,
                                    List<String> classes) {
        return new ShiftedIdxParams(folder, source + "-images-idx3-ubyte.gz", source + "-labels-idx1-ubyte.gz",
                target + "-images-idx3-ubyte", target + "-labels-idx1-ubyte", sourceRows, targetRows, shift,
                null, null, null, classes, 5L);
    }

    private Dataset load(ShiftedIdxParams params, HostRunContext context) {
        return new ShiftedIdxFactory().create(params, context).load();
    }

    private float[] scaled(Path images, int record) {
        IdxFile file = IdxFile.read(images, 3, "image files");
        float[] pixels = new float[file.recordSize()];
        file.copyScaled(record, 1f / 255f, pixels, 0);
        return pixels;
    }

    @Test
    void takesTheFirstRowsOfEachFileSourceFirstAndShiftsOnlyTheTarget() {
        IdxImages.Files source = IdxImages.write(folder, "source", 50, 3, 4, 1, true);
        IdxImages.Files target = IdxImages.write(folder, "target", 30, 3, 4, 2, false);
        HostRunContext context = context();
        Dataset data = load(params("source", "target", 7, 5, "invert", CLASSES), context);
        assertEquals(12, data.rows());
        assertEquals(9, data.features().columns());
        assertArrayEquals(new int[] {0, 1, 2, 3, 0, 1, 2, 0, 1, 2, 3, 0}, data.labels(Tasks.SPECIFIC));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1}, data.domains());
        assertArrayEquals(scaled(source.images(), 6), data.features().getRow(6).toFloatVector(), 1e-6f);
        float[] inverted = scaled(target.images(), 4);
        for (int i = 0; i < inverted.length; i++) {
            inverted[i] = 1 - inverted[i];
        }
        assertArrayEquals(inverted, data.features().getRow(11).toFloatVector(), 1e-6f);
        assertEquals(CLASSES, data.schema().tasks().get(0).classes());
        assertEquals(Set.of(source.images(), source.labels(), target.images(), target.labels()), context.inputs());
        assertEquals(80, load(params("source", "target", null, null, "none", CLASSES), context()).rows(),
                "rows beyond a file's count: all of its rows");
    }

    @Test
    void aLabelOutsideTheClassesNamesItsFileAndRecord() {
        IdxImages.Files source = IdxImages.write(folder, "source", 10, 3, 4, 1, true);
        IdxImages.write(folder, "target", 10, 3, 4, 2, false);
        DataFileException error = assertThrows(DataFileException.class,
                () -> load(params("source", "target", null, null, "none", List.of("a", "b")), context()));
        assertEquals(source.labels(), error.file());
        assertEquals(3, error.row());
        assertTrue(error.getMessage().contains("label 2 is outside the 2 classes [a, b]"), error.getMessage());
    }

    @Test
    void targetImagesOfAnotherSizeAreRefusedNamingTheTargetFile() {
        IdxImages.write(folder, "source", 10, 4, 4, 1, true);
        IdxImages.Files target = IdxImages.write(folder, "target", 10, 5, 4, 2, false);
        DataFileException error = assertThrows(DataFileException.class,
                () -> load(params("source", "target", null, null, "none", CLASSES), context()));
        assertEquals(target.images(), error.file());
        assertTrue(error.getMessage().contains("images are 5x5, the source's 4x4"), error.getMessage());
    }

    @Test
    void fewerLabelsThanRowsIsAnError() {
        IdxImages.write(folder, "source", 10, 3, 4, 1, true);
        IdxImages.write(folder, "target", 10, 3, 4, 2, false);
        IdxImages.write(folder.resolve("target-labels-idx1-ubyte"), IdxImages.bytes(new byte[] {0, 1, 2}, 3), false);
        DataFileException error = assertThrows(DataFileException.class,
                () -> load(params("source", "target", null, 8, "none", CLASSES), context()));
        assertEquals(folder.resolve("target-labels-idx1-ubyte"), error.file());
        assertTrue(error.getMessage().contains("has 3 labels for 8 images"), error.getMessage());
    }
}
