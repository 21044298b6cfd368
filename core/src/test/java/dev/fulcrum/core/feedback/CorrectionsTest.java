package dev.fulcrum.core.feedback;

import dev.fulcrum.api.DataFileException;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each action changes exactly its rows; each bad row is refused with its file, line and column. */
class CorrectionsTest {

    private static final String HEADER = "id,task,split,given-label,predicted-label,probability,score,reason,action,new-label,weight,annotator,note\n";
    private static final Task SPECIFIC = new Task("specific", List.of("a", "b", "c"));
    private static final Task GENERAL = new Task("general", List.of("x", "y"));
    private static final Partition T = Partition.TRAIN;

    @TempDir
    Path folder;

    /** Rows d.csv#row=2..7: labels a b c a b c, weights 1..6, train train train validation test test. */
    private static Dataset data() {
        Schema schema = new Schema(Schema.numberedFeatures("x", 2, "test"), List.of(SPECIFIC), List.of(Domains.SOURCE), null);
        float[] values = new float[12];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        return Dataset.builder(schema, Nd4j.create(values, new long[] {6, 2}, DataType.FLOAT))
                .labels("specific", new int[] {0, 1, 2, 0, 1, 2}).weights(new float[] {1, 2, 3, 4, 5, 6})
                .partitions(new Partition[] {T, T, T, Partition.VALIDATION, Partition.TEST, Partition.TEST})
                .ids(new String[] {"d.csv#row=2", "d.csv#row=3", "d.csv#row=4", "d.csv#row=5", "d.csv#row=6", "d.csv#row=7"})
                .build();
    }

    /** Unlabelled rows pool#0..2 with features 100+. */
    private static Dataset pool() {
        Schema schema = new Schema(Schema.numberedFeatures("x", 2, "test"), List.of(SPECIFIC), List.of(Domains.SOURCE), null);
        return Dataset.builder(schema, Nd4j.create(new float[] {100, 101, 102, 103, 104, 105}, new long[] {3, 2}, DataType.FLOAT))
                .labels("specific", new int[] {-1, -1, -1}).ids(Dataset.numberedIds("pool", 3)).build();
    }

    private static RowOwners oneSource(Dataset data) {
        return RowOwners.loaded(data.rows(), data.rows(), false, "specific", "general");
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }

    private Corrections.Outcome review(String rows, boolean tests, Supplier<Dataset> pool) throws IOException {
        Dataset data = data();
        return Corrections.apply(data, oneSource(data), CsvCorrections.review(file("review.csv", HEADER + rows), "specific"), tests, pool, "pool");
    }

    private DataFileException refused(String rows) {
        return assertThrows(DataFileException.class, () -> review(rows, false, CorrectionsTest::pool));
    }

    private static void assertUnchangedBut(Dataset before, Dataset after, int row) {
        for (int i = 0; i < before.rows(); i++) {
            if (i != row) {
                assertEquals(before.labels("specific")[i], after.labels("specific")[i], "label of row " + i);
                assertEquals(before.weights()[i], after.weights()[i], "weight of row " + i);
            }
        }
        assertArrayEquals(before.ids(), after.ids());
        assertArrayEquals(before.partitions(), after.partitions());
        assertEquals(before.features(), after.features());
    }

    @Test
    void relabelSetsTheLabelOfItsRowAndNothingElse() throws IOException {
        Corrections.Outcome outcome = review("d.csv#row=3,specific,train,b,c,0.9,0.8,label-issues,relabel,c,,ann,looks like c\n", false, null);
        assertEquals(2, outcome.data().labels("specific")[1]);
        assertEquals(2f, outcome.data().weights()[1]);
        assertUnchangedBut(data(), outcome.data(), 1);
        Corrections.Applied applied = outcome.applied().get(0);
        assertEquals(List.of(2L, "d.csv#row=3", Action.RELABEL, "b", "c", 2f, 2f, "ann", "looks like c"),
                List.of(applied.line(), applied.id(), applied.action(), applied.oldLabel(), applied.newLabel(),
                        applied.oldWeight(), applied.newWeight(), applied.annotator(), applied.note()));
        assertEquals(1, outcome.counts().get(Action.RELABEL));
    }

    @Test
    void excludeRemovesItsRowAndKeepsTheOthersAsTheyWere() throws IOException {
        Corrections.Outcome outcome = review("d.csv#row=4,,,,,,,,exclude,,,,\n", false, null);
        Dataset before = data();
        int[] others = {0, 1, 3, 4, 5};
        Dataset expected = before.select(others);
        assertArrayEquals(expected.ids(), outcome.data().ids());
        assertArrayEquals(expected.labels("specific"), outcome.data().labels("specific"));
        assertArrayEquals(expected.weights(), outcome.data().weights());
        assertArrayEquals(expected.partitions(), outcome.data().partitions());
        assertEquals(expected.features(), outcome.data().features());
        assertEquals("c", outcome.applied().get(0).oldLabel());
        assertNull(outcome.applied().get(0).newLabel());
        assertEquals(5, outcome.owners().rows());
    }

    @Test
    void reweightSetsTheWeightOfItsRowAndNothingElse() throws IOException {
        Corrections.Outcome outcome = review("d.csv#row=2,,,,,,,,reweight,,0.25,,\n", false, null);
        assertEquals(0.25f, outcome.data().weights()[0]);
        assertEquals(0, outcome.data().labels("specific")[0]);
        assertUnchangedBut(data(), outcome.data(), 0);
        assertEquals(1f, outcome.applied().get(0).oldWeight());
        assertEquals(0.25f, outcome.applied().get(0).newWeight());
    }

    @Test
    void addAppendsThePoolRowToTheTrainingSplitWithItsNewLabel() throws IOException {
        Corrections.Outcome outcome = review("pool#1,specific,pool,,b,,,,add,b,2,,\n", false, CorrectionsTest::pool);
        Dataset data = outcome.data();
        assertEquals(7, data.rows());
        assertEquals("pool#1", data.id(6));
        assertEquals(Partition.TRAIN, data.partition(6));
        assertEquals(1, data.labels("specific")[6]);
        assertEquals(2f, data.weights()[6]);
        assertEquals(Nd4j.create(new float[] {102, 103}, new long[] {1, 2}, DataType.FLOAT), data.features().getRow(6, true));
        Dataset firstSix = data.select(new int[] {0, 1, 2, 3, 4, 5});
        assertArrayEquals(data().labels("specific"), firstSix.labels("specific"));
        assertArrayEquals(data().ids(), firstSix.ids());
        assertEquals(1, outcome.counts().get(Action.ADD));
        assertNull(outcome.applied().get(0).oldLabel());
    }

    @Test
    void keepIsCountedAndChangesNothingAndAnUnreviewedRowIsSkipped() throws IOException {
        Corrections.Outcome outcome = review("d.csv#row=2,,,,,,,,keep,,,,\nd.csv#row=3,,,,,,,,,,,,\n", false, null);
        assertEquals(1, outcome.counts().get(Action.KEEP));
        assertEquals(0, outcome.counts().get(Action.RELABEL));
        assertEquals(List.of(), outcome.applied());
        assertUnchangedBut(data(), outcome.data(), -1);
    }

    @Test
    void aTestRowIsChangedOnlyWhereTheFileIsMeantToCorrectTests() throws IOException {
        DataFileException error = refused("d.csv#row=6,specific,test,b,a,,,,relabel,a,,,\n");
        assertEquals(folder.resolve("review.csv") + ": row 2, column id: row d.csv#row=6 is in the test split, and changing it changes "
                + "what the run is measured on; set test-corrections: true in the feedback entry if the file is meant to correct test rows",
                error.getMessage());
        Corrections.Outcome allowed = review("d.csv#row=6,specific,test,b,a,,,,relabel,a,,,\n", true, null);
        assertEquals(0, allowed.data().labels("specific")[4]);
    }

    @Test
    void aPlainCsvRelabelsRowsOfTheDataAndAddsRowsOfThePool() throws IOException {
        Dataset data = data();
        CorrectionsFile plain = CsvCorrections.plain(file("labels.csv", "id,label,weight,annotator\nd.csv#row=2,b,,kim\npool#0,c,,kim\nd.csv#row=3,,,\n"),
                "specific");
        Corrections.Outcome outcome = Corrections.apply(data, oneSource(data), plain, false, CorrectionsTest::pool, "pool");
        assertEquals(1, outcome.data().labels("specific")[0]);
        assertEquals("pool#0", outcome.data().id(6));
        assertEquals(2, outcome.data().labels("specific")[6]);
        assertEquals(List.of(Action.RELABEL, Action.ADD), outcome.applied().stream().map(Corrections.Applied::action).toList());
        assertEquals(1f, outcome.applied().get(1).newWeight(), "an added row keeps the pool's weight");
    }

    @Test
    void aRowIsNamedByItsTaskAndIdSoSourcesMaySharePlainIds() throws IOException {
        Schema specific = new Schema(Schema.numberedFeatures("x", 1, "test"), List.of(SPECIFIC), List.of(Domains.SOURCE), null);
        Schema general = new Schema(Schema.numberedFeatures("x", 1, "test"), List.of(GENERAL), List.of(Domains.SOURCE), null);
        Dataset joined = Dataset.builder(specific, Nd4j.zeros(DataType.FLOAT, 2, 1)).labels("specific", new int[] {0, 1})
                .ids(Dataset.numberedIds("f", 2)).partitions(new Partition[] {T, T}).build()
                .concat(Dataset.builder(general, Nd4j.zeros(DataType.FLOAT, 2, 1)).labels("general", new int[] {0, 1})
                        .ids(Dataset.numberedIds("f", 2)).partitions(new Partition[] {T, T}).build());
        CorrectionsFile file = CsvCorrections.review(file("r.csv", "id,task,action,new-label\nf#1,general,relabel,x\n"), null);
        Corrections.Outcome outcome = Corrections.apply(joined, RowOwners.loaded(4, 2, true, "specific", "general"), file, false, null, "-");
        assertArrayEquals(new int[] {0, 1, -1, -1}, outcome.data().labels("specific"));
        assertArrayEquals(new int[] {-1, -1, 0, 0}, outcome.data().labels("general"));
    }

    @Test
    void anUnknownIdIsRefused() {
        assertEquals(folder.resolve("review.csv") + ": row 2, column id: unknown id \"d.csv#row=99\": no row of task specific has it "
                + "(ids look like d.csv#row=2)", refused("d.csv#row=99,specific,,,,,,,exclude,,,,\n").getMessage());
    }

    @Test
    void anUnknownLabelIsRefused() {
        assertEquals(folder.resolve("review.csv") + ": row 3, column new-label: unknown label \"z\"; task specific has the classes [a, b, c]",
                refused("d.csv#row=2,specific,,,,,,,keep,,,,\nd.csv#row=3,specific,,,,,,,relabel,z,,,\n").getMessage());
    }

    @Test
    void aNegativeOrNonFiniteWeightIsRefused() {
        assertEquals(folder.resolve("review.csv") + ": row 2, column weight: a weight is at least 0, got -1",
                refused("d.csv#row=2,specific,,,,,,,reweight,,-1,,\n").getMessage());
        assertEquals(folder.resolve("review.csv") + ": row 2, column weight: expected a finite number, got \"Infinity\"",
                refused("d.csv#row=2,specific,,,,,,,reweight,,Infinity,,\n").getMessage());
        assertEquals(folder.resolve("review.csv") + ": row 2, column weight: missing value; reweight needs a weight",
                refused("d.csv#row=2,specific,,,,,,,reweight,,,,\n").getMessage());
    }

    @Test
    void addWithoutAPoolOrWithAnIdNotInItIsRefused() throws IOException {
        Dataset data = data();
        CorrectionsFile file = CsvCorrections.review(file("review.csv", HEADER + "pool#1,specific,pool,,,,,,add,b,,,\n"), null);
        DataFileException noPool = assertThrows(DataFileException.class, () -> Corrections.apply(data, oneSource(data), file, false, null, "-"));
        assertEquals(folder.resolve("review.csv") + ": row 2, column action: add needs a pool: give the feedback entry a pool "
                + "(a data source) to add rows from", noPool.getMessage());
        assertEquals(folder.resolve("review.csv") + ": row 2, column id: unknown id \"pool#7\": not in the data of task specific nor in the pool pool",
                refused("pool#7,specific,pool,,,,,,add,b,,,\n").getMessage());
        assertEquals(folder.resolve("review.csv") + ": row 2, column id: row d.csv#row=2 of task specific is in the data already; "
                + "relabel it instead of adding it", refused("d.csv#row=2,specific,pool,,,,,,add,b,,,\n").getMessage());
    }

    @Test
    void anUnknownActionIsRefused() {
        assertEquals(folder.resolve("review.csv") + ": row 2, column action: unknown action \"fix\"; expected keep, relabel, exclude, "
                + "reweight or add (or nothing)", refused("d.csv#row=2,specific,,,,,,,fix,,,,\n").getMessage());
    }

    @Test
    void theSameRowCorrectedTwiceDifferentlyIsRefusedAndTwiceAlikeIsOnce() throws IOException {
        assertEquals(folder.resolve("review.csv") + ": row 3, column id: row d.csv#row=2 of task specific is corrected twice: "
                + "relabel to \"b\" on line 2, exclude here; keep one",
                refused("d.csv#row=2,specific,,,,,,,relabel,b,,,\nd.csv#row=2,specific,,,,,,,exclude,,,,\n").getMessage());
        Corrections.Outcome twice = review("d.csv#row=2,specific,,,,,,,relabel,b,,,\nd.csv#row=2,specific,,,,,,,relabel,b,,,\n", false, null);
        assertEquals(1, twice.applied().size());
    }

    @Test
    void aFileWithoutATaskNeedsTheEntrysTask() throws IOException {
        Path file = file("bare.csv", "id,action,new-label\nd.csv#row=2,relabel,b\n");
        assertEquals(file + ": row 1, column task: no task column; give the feedback entry a task (specific or general)",
                assertThrows(DataFileException.class, () -> CsvCorrections.review(file, null)).getMessage());
        assertEquals("specific", CsvCorrections.review(file, "specific").rows().get(0).task());
    }

    @Test
    void theFormatIsChosenByExtensionAndHeader() throws IOException {
        assertEquals(CorrectionsFormat.REVIEW, CorrectionsFormat.detect(file("a.csv", "id,action\nd.csv#row=2,keep\n")));
        assertEquals(CorrectionsFormat.CSV, CorrectionsFormat.detect(file("b.csv", "id,label\nd.csv#row=2,b\n")));
        assertEquals(CorrectionsFormat.LABEL_STUDIO, CorrectionsFormat.detect(file("c.json", "[]")));
    }
}
