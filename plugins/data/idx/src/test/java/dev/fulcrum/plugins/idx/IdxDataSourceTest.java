package dev.fulcrum.plugins.idx;

import dev.fulcrum.api.DataFileException;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.ImageShape;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.testkit.IdxImages;
import dev.fulcrum.testkit.ParamsYaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxDataSourceTest {

    @TempDir
    Path folder;

    private HostRunContext context() {
        return new HostRunContext(1, RunFolder.at(folder));
    }

    private Dataset load(IdxParams params) {
        return new IdxFactory().create(params, context()).load();
    }

    private static IdxParams params(IdxImages.Files train, IdxImages.Files test, List<Integer> classes, List<String> names,
                                    Integer perClass, Integer validationPerClass, Long seed) {
        return new IdxParams(train.images(), train.labels(), test == null ? null : test.images(), test == null ? null : test.labels(),
                classes, names, perClass, validationPerClass, seed);
    }

    private static IdxParams plain(IdxImages.Files train) {
        return params(train, null, null, null, null, null, 3L);
    }

    @Test
    void scalesBytesToTheUnitIntervalAndTakesTheImageShapeFromTheHeader() {
        byte[] pixels = {0, 51, (byte) 255, 102, 0, 0, (byte) 255, (byte) 255, 1, 2, 3, 4};
        Path images = IdxImages.write(folder.resolve("i"), IdxImages.bytes(pixels, 2, 2, 3), false);
        Path labels = IdxImages.write(folder.resolve("l"), IdxImages.bytes(new byte[] {0, 1}, 2), false);
        Dataset data = load(params(new IdxImages.Files(images, labels), null, null, null, null, null, 3L));
        assertEquals(new ImageShape(1, 2, 3), data.schema().image().orElseThrow());
        assertArrayEquals(new float[] {0f, 0.2f, 1f, 0.4f, 0f, 0f}, data.features().getRow(0).toFloatVector(), 1e-6f);
        assertArrayEquals(new float[] {1f, 1f, 1 / 255f, 2 / 255f, 3 / 255f, 4 / 255f}, data.features().getRow(1).toFloatVector(), 1e-6f);
        assertEquals(List.of("0", "1"), data.schema().tasks().get(0).classes());
    }

    @Test
    void imagesWithoutLabelsAreEveryRowInFileOrderUnlabelledWithTheGivenClasses() {
        IdxImages.Files train = IdxImages.write(folder, "train", 20, 4, 10, 1, true);
        Dataset labelled = load(params(train, null, null, null, null, null, 3L));
        Dataset unlabelled = load(new IdxParams(train.images(), null, null, null, List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
                null, null, null, null));
        assertEquals(20, unlabelled.rows());
        assertEquals(labelled.features(), unlabelled.features(), "every image, in file order, scaled alike");
        assertEquals(labelled.schema().tasks(), unlabelled.schema().tasks());
        assertTrue(Arrays.stream(unlabelled.labels(IdxDataSource.TASK)).allMatch(label -> label == Dataset.NO_LABEL));
    }

    @Test
    void imagesWithoutLabelsNeedTheClassesAndNothingThatDrawsByLabel() {
        IdxImages.Files train = IdxImages.write(folder, "train", 20, 4, 10, 1, true);
        assertEquals("labels", assertThrows(InvalidParamsException.class, () -> new IdxFactory().create(
                new IdxParams(train.images(), null, null, null, null, null, null, null, null), context())).field());
        assertEquals("per-class", assertThrows(InvalidParamsException.class, () -> new IdxFactory().create(
                new IdxParams(train.images(), null, null, null, List.of(0, 1), null, 5, null, null), context())).field());
        assertEquals("validation-per-class", assertThrows(InvalidParamsException.class, () -> new IdxFactory().create(
                new IdxParams(train.images(), null, null, null, List.of(0, 1), null, null, 2, null), context())).field());
    }

    @Test
    void gzipAndPlainFilesGiveTheSameRows() {
        Dataset zipped = load(plain(IdxImages.write(folder, "z", 30, 6, 3, 5, true)));
        Dataset raw = load(plain(IdxImages.write(folder, "r", 30, 6, 3, 5, false)));
        assertEquals(zipped.features(), raw.features());
        assertArrayEquals(zipped.labels(IdxDataSource.TASK), raw.labels(IdxDataSource.TASK));
    }

    @Test
    void keepsTheChosenClassesInTheirOrderWithTheirNames() {
        IdxImages.Files train = IdxImages.write(folder, "train", 100, 4, 10, 1, true);
        List<String> names = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        Dataset data = load(params(train, null, List.of(7, 2, 4), names, null, null, 3L));
        assertEquals(List.of("h", "c", "e"), data.schema().tasks().get(0).classes());
        assertEquals(30, data.rows());
        int[] labels = data.labels(IdxDataSource.TASK);
        // IdxImages cycles labels 0..9, so kept records are label 2, 4, 7, 2, 4, 7, ... in file order
        assertArrayEquals(new int[] {1, 2, 0, 1, 2, 0}, Arrays.copyOf(labels, 6));
    }

    @Test
    void drawsAtMostPerClassTrainingRowsAndSeparateValidationRowsWithTheSeed() {
        IdxImages.Files train = IdxImages.write(folder, "train", 200, 4, 4, 1, true);
        Dataset first = load(params(train, null, null, null, 5, 3, 11L));
        Dataset again = load(params(train, null, null, null, 5, 3, 11L));
        Dataset other = load(params(train, null, null, null, 5, 3, 12L));
        assertEquals(4 * (5 + 3), first.rows());
        assertEquals(first.features(), again.features());
        assertNotEquals(first.features(), other.features());
        int[] labels = first.labels(IdxDataSource.TASK);
        for (int c = 0; c < 4; c++) {
            int klass = c;
            assertEquals(5, Arrays.stream(first.rowsIn(Partition.UNASSIGNED)).filter(r -> labels[r] == klass).count());
            assertEquals(3, Arrays.stream(first.rowsIn(Partition.VALIDATION)).filter(r -> labels[r] == klass).count());
        }
        Set<String> rows = new HashSet<>();
        for (int r = 0; r < first.rows(); r++) {
            assertTrue(rows.add(Arrays.toString(first.features().getRow(r).toFloatVector())), "row " + r + " drawn twice");
        }
        Dataset noValidation = load(params(train, null, null, null, 5, 0, 11L));
        assertEquals(first.partitionOnly(Partition.UNASSIGNED).features(), noValidation.features(),
                "the training rows must not depend on how many validation rows are drawn");
    }

    @Test
    void testFilesGoToTheTestSplitWithTheClassFilterAndTrainingRowsToTraining() {
        IdxImages.Files train = IdxImages.write(folder, "train", 60, 5, 6, 1, true);
        IdxImages.Files test = IdxImages.write(folder, "test", 30, 5, 6, 2, false);
        Dataset data = load(params(train, test, List.of(0, 1, 2), null, 4, null, 3L));
        assertEquals(12, data.rowsIn(Partition.TRAIN).length);
        assertEquals(15, data.rowsIn(Partition.TEST).length);
        assertEquals(0, data.rowsIn(Partition.UNASSIGNED).length);
        assertEquals(Set.of(train.images(), train.labels(), test.images(), test.labels()),
                recorded(params(train, test, List.of(0, 1, 2), null, 4, null, 3L)));
    }

    private Set<Path> recorded(IdxParams params) {
        HostRunContext context = context();
        new IdxFactory().create(params, context).load();
        return context.inputs();
    }

    @Test
    void aFileThatIsNotIdxIsNamedWithTheOffset() {
        Path images = IdxImages.write(folder.resolve("notes.txt"), "hello, world".getBytes(), false);
        IdxImages.Files labels = IdxImages.write(folder, "ok", 10, 4, 2, 1, false);
        DataFileException error = assertThrows(DataFileException.class, () -> load(plain(new IdxImages.Files(images, labels.labels()))));
        assertEquals(images, error.file());
        assertTrue(error.getMessage().contains("not an IDX file") && error.getMessage().contains("byte offset 0"), error.getMessage());
    }

    @Test
    void aTypeOtherThanUnsignedBytesIsRefused() {
        byte[] content = IdxImages.bytes(new byte[8], 2, 2, 2);
        content[2] = 0x0D;
        Path images = IdxImages.write(folder.resolve("floats"), content, false);
        IdxImages.Files ok = IdxImages.write(folder, "ok", 2, 2, 2, 1, false);
        DataFileException error = assertThrows(DataFileException.class, () -> load(plain(new IdxImages.Files(images, ok.labels()))));
        assertTrue(error.getMessage().contains("data type 0x0D is not supported"), error.getMessage());
    }

    @Test
    void labelsWithImageDimensionsAreRefused() {
        IdxImages.Files ok = IdxImages.write(folder, "ok", 4, 2, 2, 1, false);
        DataFileException error = assertThrows(DataFileException.class, () -> load(plain(new IdxImages.Files(ok.images(), ok.images()))));
        assertEquals(ok.images(), error.file());
        assertTrue(error.getMessage().contains("label files have 1 dimension(s), this file has 3"), error.getMessage());
    }

    @Test
    void aTruncatedFileNamesTheRecordAndOffsetWhereItEnds() {
        byte[] whole = IdxImages.bytes(new byte[5 * 9], 5, 3, 3);
        Path images = IdxImages.write(folder.resolve("cut.gz"), Arrays.copyOf(whole, 16 + 9 * 3 + 4), true);
        IdxImages.Files ok = IdxImages.write(folder, "ok", 5, 3, 2, 1, false);
        DataFileException error = assertThrows(DataFileException.class, () -> load(plain(new IdxImages.Files(images, ok.labels()))));
        assertEquals(4, error.row());
        assertTrue(error.getMessage().contains("truncated") && error.getMessage().contains("inside record 4 (which starts at byte offset 43)"),
                error.getMessage());
    }

    @Test
    void bytesAfterTheLastRecordAreRefused() {
        byte[] whole = IdxImages.bytes(new byte[2], 2);
        Path labels = IdxImages.write(folder.resolve("long"), Arrays.copyOf(whole, whole.length + 3), false);
        IdxImages.Files ok = IdxImages.write(folder, "ok", 2, 3, 2, 1, false);
        DataFileException error = assertThrows(DataFileException.class, () -> load(plain(new IdxImages.Files(ok.images(), labels))));
        assertTrue(error.getMessage().contains("3 bytes after the last of the 2 records"), error.getMessage());
    }

    @Test
    void labelAndImageCountsMustMatch() {
        IdxImages.Files five = IdxImages.write(folder, "five", 5, 3, 2, 1, false);
        IdxImages.Files six = IdxImages.write(folder, "six", 6, 3, 2, 1, false);
        DataFileException error = assertThrows(DataFileException.class, () -> load(plain(new IdxImages.Files(five.images(), six.labels()))));
        assertEquals(six.labels(), error.file());
        assertTrue(error.getMessage().contains("has 6 labels, but") && error.getMessage().contains("has 5 images"), error.getMessage());
    }

    @Test
    void aLabelWithoutANameNamesItsRecord() {
        Path images = IdxImages.write(folder.resolve("i"), IdxImages.bytes(new byte[3 * 4], 3, 2, 2), false);
        Path labels = IdxImages.write(folder.resolve("l"), IdxImages.bytes(new byte[] {0, 1, 2}, 3), false);
        DataFileException error = assertThrows(DataFileException.class,
                () -> load(params(new IdxImages.Files(images, labels), null, List.of(0, 1), List.of("a", "b"), null, null, 1L)));
        assertEquals(3, error.row());
        assertTrue(error.getMessage().contains("byte offset 10: label 2 has no name"), error.getMessage());
    }

    @Test
    void testImagesMustHaveTheTrainingShape() {
        IdxImages.Files train = IdxImages.write(folder, "train", 6, 4, 2, 1, false);
        IdxImages.Files test = IdxImages.write(folder, "test", 6, 5, 2, 1, false);
        DataFileException error = assertThrows(DataFileException.class, () -> load(params(train, test, null, null, null, null, 1L)));
        assertEquals(test.images(), error.file());
        assertTrue(error.getMessage().contains("its images are 5x5, the training images 4x4"), error.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        IdxImages.Files ok = IdxImages.write(folder, "ok", 2, 3, 2, 1, false);
        Path missing = folder.resolve("missing.gz");
        DataFileException error = assertThrows(DataFileException.class, () -> load(plain(new IdxImages.Files(missing, ok.labels()))));
        assertEquals(missing + ": no such file", error.getMessage());
    }

    @Test
    void tooFewRowsForTheValidationDrawIsAnError() {
        IdxImages.Files train = IdxImages.write(folder, "train", 8, 3, 2, 1, false);
        DataFileException error = assertThrows(DataFileException.class, () -> load(params(train, null, null, null, 2, 4, 1L)));
        assertTrue(error.getMessage().contains("label 0 has 4 rows, too few for 4 validation rows"), error.getMessage());
    }

    @Test
    void paramsAreCheckedByField() {
        assertEquals("classes", assertThrows(InvalidParamsException.class, () -> new IdxParams(null, null, null, null,
                List.of(3), null, null, null, null)).field());
        assertEquals("classes", assertThrows(InvalidParamsException.class, () -> new IdxParams(null, null, null, null,
                List.of(3, 3), null, null, null, null)).field());
        assertEquals("class-names", assertThrows(InvalidParamsException.class, () -> new IdxParams(null, null, null, null,
                List.of(0, 4), List.of("a", "b"), null, null, null)).field());
        assertEquals("params.yaml:1: per-class: must be at least 1, got 0", ParamsYaml.error(IdxParams.class, "per-class: 0"));
        assertEquals("params.yaml:1: validation-per-class: must be at least 0, got -1",
                ParamsYaml.error(IdxParams.class, "validation-per-class: -1"));
        assertEquals("test-labels", assertThrows(InvalidParamsException.class, () -> new IdxParams(null, null,
                folder, null, null, null, null, null, null)).field());
        assertEquals("images", assertThrows(InvalidParamsException.class, () -> new IdxFactory().create(
                new IdxParams(null, null, null, null, null, null, null, null, null), context())).field());
    }

    @Test
    void aRowsIdIsItsImageFilesNameAndRecordAndSurvivesReReading() {
        IdxImages.Files train = IdxImages.write(folder, "train", 40, 4, 4, 1, true);
        IdxImages.Files test = IdxImages.write(folder, "test", 12, 4, 4, 2, true);
        Dataset data = load(params(train, test, List.of(0, 1, 2), null, 3, 2, 5L));
        Dataset again = load(params(train, test, List.of(0, 1, 2), null, 3, 2, 5L));
        assertArrayEquals(data.ids(), again.ids());
        String trainName = train.images().getFileName().toString();
        String testName = test.images().getFileName().toString();
        for (int row = 0; row < data.rows(); row++) {
            String prefix = (data.partition(row) == Partition.TEST ? testName : trainName) + "#";
            assertTrue(data.id(row).startsWith(prefix), data.id(row));
        }
        assertEquals(data.rows(), new HashSet<>(List.of(data.ids())).size(), "unique");
        Dataset picked = data.select(new int[] {4, 1});
        assertArrayEquals(new String[] {data.id(4), data.id(1)}, picked.ids(), "select keeps each row's id");
        assertArrayEquals(new String[] {data.id(4), data.id(1), data.id(0)}, picked.concat(data.select(new int[] {0})).ids());
    }
}
