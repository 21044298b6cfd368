package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HeldOutRowsTest {

    /**
     * Rows 0-3 specific (0-2 train, 3 validation), rows 4-6 general (train), sharing the ids {@code f#0..f#2} with
     * the specific rows as two sources reading one file do.
     */
    private static Dataset data() {
        Schema schema = new Schema(Schema.numberedFeatures("x", 1, "test"),
                List.of(new Task("specific", List.of("a", "b")), new Task("general", List.of("c", "d"))), List.of("source"), null);
        int n = Dataset.NO_LABEL;
        return Dataset.builder(schema, Nd4j.zeros(DataType.FLOAT, 7, 1))
                .labels("specific", new int[] {0, 1, 0, 1, n, n, n})
                .labels("general", new int[] {n, n, n, n, 0, 1, 1})
                .partitions(new Partition[] {Partition.TRAIN, Partition.TRAIN, Partition.TRAIN, Partition.VALIDATION,
                        Partition.TRAIN, Partition.TRAIN, Partition.TRAIN})
                .ids(new String[] {"f#0", "f#1", "f#2", "f#3", "f#0", "f#1", "f#2"})
                .build();
    }

    @Test
    void dropsTheTasksTrainingRowsWithTheIdsAndLeavesTheOtherTasksRows() {
        HeldOutRows heldOut = HeldOutRows.of("specific", Set.of("f#0", "f#2"));
        Dataset kept = heldOut.apply(data());
        assertArrayEquals(new String[] {"f#1", "f#3", "f#0", "f#1", "f#2"}, kept.ids());
        assertArrayEquals(new int[] {1, 1, Dataset.NO_LABEL, Dataset.NO_LABEL, Dataset.NO_LABEL}, kept.labels("specific"));
        assertEquals(List.of("f#1"), heldOut.trained(), "the specific training rows that remain");
    }

    @Test
    void refusesAnIdThatIsNotATrainingRowOfTheTask() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> HeldOutRows.of("specific", Set.of("f#3")).apply(data()));
        assertEquals("of the 1 held-out specific rows only 0 are among its training rows after the split", e.getMessage());
    }

    @Test
    void noneLeavesTheRowsAsTheyAre() {
        Dataset data = data();
        assertSame(data, HeldOutRows.NONE.apply(data));
    }
}
