package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.core.config.SplitConfig;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SplitterTest {

    private static Dataset data(int[] labels, int[] domains, Partition[] partitions) {
        Schema schema = new Schema(Schema.numberedFeatures("x", 1, "test"),
                List.of(new Task("specific", List.of("a", "b"))), List.of(Domains.SOURCE, Domains.TARGET), null);
        return Dataset.builder(schema, Nd4j.zeros(DataType.FLOAT, labels.length, 1))
                .labels("specific", labels).domains(domains).partitions(partitions).build();
    }

    private static int[] repeat(int value, int times) {
        int[] array = new int[times];
        Arrays.fill(array, value);
        return array;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static Partition[] all(Partition partition, int n) {
        Partition[] partitions = new Partition[n];
        Arrays.fill(partitions, partition);
        return partitions;
    }

    @Test
    void eachClassKeepsItsShareInEverySplit() {
        int[] labels = concat(repeat(0, 100), repeat(1, 20));
        Dataset split = Splitter.split(data(labels, new int[120], all(Partition.UNASSIGNED, 120)),
                new SplitConfig(0.15, 0.25, 0.0), 3);
        assertEquals(25 + 5, split.labelledRows("specific", Partition.TEST).length);
        assertEquals(5, Arrays.stream(split.labelledRows("specific", Partition.TEST)).filter(r -> labels[r] == 1).count());
        assertEquals(3, Arrays.stream(split.labelledRows("specific", Partition.VALIDATION)).filter(r -> labels[r] == 1).count());
        assertEquals(0, split.rowsIn(Partition.UNASSIGNED).length);
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        Dataset data = data(concat(repeat(0, 50), repeat(1, 50)), new int[100], all(Partition.UNASSIGNED, 100));
        SplitConfig config = new SplitConfig(0.2, 0.2, 0.0);
        assertArrayEquals(Splitter.split(data, config, 1).partitions(), Splitter.split(data, config, 1).partitions());
        assertEquals(false, Arrays.equals(Splitter.split(data, config, 1).partitions(), Splitter.split(data, config, 2).partitions()));
    }

    @Test
    void preassignedTestRowsStayAndTrainRowsGiveUpOnlyValidation() {
        Partition[] partitions = new Partition[100];
        Arrays.fill(partitions, 0, 80, Partition.TRAIN);
        Arrays.fill(partitions, 80, 100, Partition.TEST);
        Dataset split = Splitter.split(data(concat(repeat(0, 40), repeat(1, 60)), new int[100], partitions),
                new SplitConfig(0.25, 0.5, 0.0), 5);
        assertEquals(20, split.rowsIn(Partition.TEST).length);
        assertEquals(20, split.rowsIn(Partition.VALIDATION).length);
        assertEquals(60, split.rowsIn(Partition.TRAIN).length);
    }

    @Test
    void targetDomainLabelsAreHiddenOutsideTheTest() {
        int[] domains = concat(repeat(0, 50), repeat(1, 50));
        int[] labels = concat(repeat(0, 25), concat(repeat(1, 25), concat(repeat(0, 25), repeat(1, 25))));
        Dataset split = Splitter.split(data(labels, domains, all(Partition.UNASSIGNED, 100)), new SplitConfig(0.2, 0.2, 0.0), 9);
        int[] kept = split.labels("specific");
        for (int row = 50; row < 100; row++) {
            boolean test = split.partition(row) == Partition.TEST;
            assertEquals(test, kept[row] != Dataset.NO_LABEL, "target row " + row + " in " + split.partition(row));
        }
        for (int row = 0; row < 50; row++) {
            assertEquals(labels[row], kept[row]);
        }
    }
}
