package dev.fulcrum.math.rows;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainRowsTest {

    private static final Partition T = Partition.TRAIN;
    private static final Partition V = Partition.VALIDATION;
    private static final Partition X = Partition.TEST;

    private static Dataset data(List<String> domainNames, int[] domains, Partition[] partitions) {
        Schema schema = new Schema(Schema.numberedFeatures("x", 2, "test"), List.of(new Task("specific", List.of("a", "b"))),
                domainNames, null);
        INDArray features = Nd4j.linspace(DataType.FLOAT, 0, 2 * domains.length, 1).reshape(domains.length, 2);
        return Dataset.builder(schema, features).domains(domains).partitions(partitions).build();
    }

    @Test
    void splitsSourceAndTargetRowsByPartition() {
        Dataset data = data(List.of(Domains.SOURCE, Domains.TARGET), new int[] {0, 1, 0, 1, 0, 1},
                new Partition[] {T, T, V, X, T, T});
        DomainRows rows = DomainRows.of(data, "coral");
        assertEquals(1, rows.targetDomain());
        assertArrayEquals(new int[] {0, 4}, rows.sourceTraining());
        assertArrayEquals(new int[] {1, 5}, rows.targetTraining());
        assertArrayEquals(new int[] {0, 2, 4}, rows.source());
        assertArrayEquals(new int[] {1, 3, 5}, rows.ofDomain(1));
        assertTrue(rows.isTarget(3));
        assertArrayEquals(new double[] {8, 9}, rows.features(new int[] {4}).toDoubleVector(), 0);
    }

    @Test
    void namesWhatIsMissing() {
        Dataset oneDomain = data(List.of(Domains.SOURCE), new int[] {0, 0}, new Partition[] {T, T});
        InvalidInputException noTarget = assertThrows(InvalidInputException.class, () -> DomainRows.of(oneDomain, "coral"));
        assertTrue(noTarget.getMessage().startsWith("coral: the data has no target domain"), noTarget.getMessage());
        Dataset targetOnlyInTest = data(List.of(Domains.SOURCE, Domains.TARGET), new int[] {0, 1}, new Partition[] {T, X});
        InvalidInputException noTargetRows = assertThrows(InvalidInputException.class, () -> DomainRows.of(targetOnlyInTest, "coral"));
        assertTrue(noTargetRows.getMessage().contains("no target-domain rows in the training partition"), noTargetRows.getMessage());
    }

    @Test
    void replacesChosenRowsOnly() {
        INDArray features = Nd4j.zeros(DataType.FLOAT, 4, 2);
        INDArray replaced = DomainRows.replaceRows(features, new int[] {3, 1}, Nd4j.create(new double[][] {{3, 3}, {1, 1}}));
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0, 3, 3}, replaced.data().asFloat());
        assertEquals(DataType.FLOAT, replaced.dataType());
        assertEquals(0, features.sumNumber().doubleValue());
    }
}
