package dev.fulcrum.api.data;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Ids made from a prefix and numbers, and rows left at the default weight, domain and partition, behave as given arrays would. */
class DatasetRowsTest {

    private static final Schema SCHEMA = new Schema(Schema.numberedFeatures("x", 1, "test"),
            List.of(new Task("y", List.of("a", "b"))), List.of(Domains.SOURCE, "target"), null);

    private static Dataset.Builder rows(float... x) {
        return Dataset.builder(SCHEMA, Nd4j.createFromArray(x).reshape(x.length, 1));
    }

    @Test
    void numberedIdsReadAsTheStringsTheyStandFor() {
        long[] lines = {2, 3, 5};
        Dataset data = rows(1, 2, 3).ids("data.csv#row=", lines).build();
        lines[0] = 99;
        assertEquals("data.csv#row=5", data.id(2));
        assertArrayEquals(new String[] {"data.csv#row=2", "data.csv#row=3", "data.csv#row=5"}, data.ids());
        assertArrayEquals(new String[] {"data.csv#row=5", "data.csv#row=2"}, data.select(new int[] {2, 0}).ids());
        assertThrows(IndexOutOfBoundsException.class, () -> data.id(3));
    }

    @Test
    void idsCountedFromANumberReadAsTheStringsTheyStandFor() {
        Dataset data = rows(1, 2, 3).ids("data.csv#row=", 2).build();
        assertArrayEquals(new String[] {"data.csv#row=2", "data.csv#row=3", "data.csv#row=4"}, data.ids());
        assertEquals("data.csv#row=4", data.id(2));
        assertArrayEquals(new String[] {"data.csv#row=4", "data.csv#row=2"}, data.select(new int[] {2, 0}).ids());
        Dataset listed = rows(4).ids("data.csv#row=", new long[] {9}).build();
        assertArrayEquals(new String[] {"data.csv#row=2", "data.csv#row=3", "data.csv#row=4", "data.csv#row=9"}, data.concat(listed).ids());
        assertThrows(IndexOutOfBoundsException.class, () -> data.id(3));
        assertThrows(IllegalArgumentException.class, () -> rows(1).ids("x", -1));
    }

    @Test
    void defaultIdsCountTheRows() {
        Dataset data = rows(1, 2).build();
        assertArrayEquals(new String[] {"#0", "#1"}, data.ids());
        assertArrayEquals(Dataset.numberedIds("", 2), data.ids());
    }

    @Test
    void joinedIdsKeepBothSidesWhateverTheyAre() {
        Dataset numbered = rows(1, 2).ids("f.csv#row=", new long[] {2, 4}).build();
        Dataset other = rows(3).ids("g.csv#row=", new long[] {7}).build();
        Dataset given = rows(4).ids(new String[] {"img#9"}).build();
        assertArrayEquals(new String[] {"f.csv#row=2", "f.csv#row=4", "f.csv#row=2", "f.csv#row=4"}, numbered.concat(numbered).ids());
        assertArrayEquals(new String[] {"f.csv#row=2", "f.csv#row=4", "g.csv#row=7", "img#9"}, numbered.concat(other).concat(given).ids());
        assertArrayEquals(new String[] {"img#9", "#0", "#1"}, given.concat(rows(5, 6).build()).ids());
    }

    @Test
    void givenIdsMustNotBeEmpty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rows(1, 2).ids(new String[] {"a", ""}).build());
        assertEquals("row 1 has no id", e.getMessage());
    }

    @Test
    void rowsLeftAtTheDefaultsHaveWeightOneDomainZeroAndNoPartition() {
        Dataset data = rows(1, 2, 3).build();
        assertArrayEquals(new float[] {1, 1, 1}, data.weights());
        assertArrayEquals(new int[] {0, 0, 0}, data.domains());
        assertArrayEquals(new Partition[] {Partition.UNASSIGNED, Partition.UNASSIGNED, Partition.UNASSIGNED}, data.partitions());
        assertEquals(Partition.UNASSIGNED, data.partition(2));
        assertThrows(IndexOutOfBoundsException.class, () -> data.partition(3));
        assertArrayEquals(new int[] {0, 1, 2}, data.rowsIn(Partition.UNASSIGNED));
        assertArrayEquals(new int[0], data.rowsIn(Partition.TRAIN));

        Dataset split = data.withPartitions(new Partition[] {Partition.TRAIN, Partition.TEST, Partition.TRAIN});
        assertArrayEquals(new int[] {0, 2}, split.rowsIn(Partition.TRAIN));
        Dataset weighted = rows(4).weights(new float[] {0.5f}).domains(new int[] {1}).build();
        Dataset joined = split.concat(weighted);
        assertArrayEquals(new float[] {1, 1, 1, 0.5f}, joined.weights());
        assertArrayEquals(new int[] {0, 0, 0, 1}, joined.domains());
        assertArrayEquals(new Partition[] {Partition.TRAIN, Partition.TEST, Partition.TRAIN, Partition.UNASSIGNED}, joined.partitions());
        assertArrayEquals(new float[] {1, 0.5f}, joined.select(new int[] {1, 3}).weights());
    }

    @Test
    void codedSensitiveValuesReadAsTheStringsTheyStandFor() {
        String[] values = {"f", "m"};
        int[] codes = {1, 0, 1};
        Dataset data = rows(1, 2, 3).sensitive("sex", values, codes).sensitive("age", new String[] {"old", "young", "old"}).build();
        codes[0] = 0;
        values[1] = "x";
        assertArrayEquals(new String[] {"m", "f", "m"}, data.sensitive().get("sex"));
        assertArrayEquals(new String[] {"m", "m"}, data.select(new int[] {2, 0}).sensitive().get("sex"));
        Dataset joined = data.concat(rows(4).sensitive("sex", new String[] {"f"}, new int[] {0}).build());
        assertArrayEquals(new String[] {"m", "f", "m", "f"}, joined.sensitive().get("sex"));
        assertArrayEquals(new String[] {"old", "young", "old", ""}, joined.sensitive().get("age"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rows(1, 2).sensitive("sex", new String[] {"f"}, new int[] {0, 1}).build());
        assertEquals("row 1: code 1 is outside the 1 values", e.getMessage());
    }

    @Test
    void aDomainOutsideTheSchemaIsStillAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rows(1).domains(new int[] {2}).build());
        assertEquals("domain id 2 is outside the schema's domains [source, target]", e.getMessage());
    }
}
