package dev.fulcrum.plugins.domainstandardize;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.testkit.DomainTransformContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainStandardizeTest {

    private static final int PER_DOMAIN = 400;

    /**
     * Rows 0..n-1 are the source; rows n..2n-1 are the same draws seen through {@code shift}, in the
     * same partitions (every fifth row is a test row). Column 2 is constant.
     */
    private static Dataset pairedDomains(DoubleUnaryOperator shift) {
        SplittableRandom random = new SplittableRandom(1);
        float[] features = new float[2 * PER_DOMAIN * 3];
        int[] domains = new int[2 * PER_DOMAIN];
        Partition[] partitions = new Partition[2 * PER_DOMAIN];
        for (int row = 0; row < PER_DOMAIN; row++) {
            double[] x = {random.nextDouble(), 0.5 * random.nextDouble() + 0.2, 0.3};
            for (int j = 0; j < 3; j++) {
                features[3 * row + j] = (float) x[j];
                features[3 * (PER_DOMAIN + row) + j] = (float) shift.applyAsDouble(x[j]);
            }
            domains[PER_DOMAIN + row] = 1;
            partitions[row] = row % 5 == 0 ? Partition.TEST : Partition.TRAIN;
            partitions[PER_DOMAIN + row] = partitions[row];
        }
        Schema schema = new Schema(Schema.numberedFeatures("pixel", 3, "test"), List.of(new Task("specific", List.of("a", "b"))),
                List.of(Domains.SOURCE, Domains.TARGET), null);
        return Dataset.builder(schema, Nd4j.create(features, new long[] {2 * PER_DOMAIN, 3}, DataType.FLOAT))
                .domains(domains).partitions(partitions).build();
    }

    private static INDArray rows(Dataset data, int from) {
        return data.features().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, from + PER_DOMAIN),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
    }

    /** A contrast change x' = 0.4 x + 0.4 is undone exactly: both domains map to the same values. */
    @Test
    void undoesAnAffineContrastChange() {
        Dataset adapted = new DomainStandardize(true).adapt(pairedDomains(x -> 0.4 * x + 0.4));
        assertEquals(0, rows(adapted, 0).sub(rows(adapted, PER_DOMAIN)).norm2Number().doubleValue(), 1e-3);
        INDArray source = rows(adapted, 0);
        assertArrayEquals(new double[] {0, 0, 0}, source.mean(0).toDoubleVector(), 0.05);
        assertArrayEquals(new float[] {0, 0}, new float[] {source.getFloat(0, 2), source.getFloat(1, 2)},
                "a constant feature is only centred");
    }

    @Test
    void itsSavedMomentsAdaptRowsByTheirDomainAlone() {
        DomainTransformContract.check(new DomainStandardize(true), pairedDomains(x -> 0.4 * x + 0.4));
        DomainTransformContract.check(new DomainStandardize(false), pairedDomains(x -> 2 * x - 1));
    }

    /** Inverting x' = 1 - x maps each target row onto the mirror image of its source twin. */
    @Test
    void mirrorsAnInversion() {
        Dataset adapted = new DomainStandardize(true).adapt(pairedDomains(x -> 1 - x));
        assertEquals(0, rows(adapted, 0).add(rows(adapted, PER_DOMAIN)).norm2Number().doubleValue(), 1e-3);
    }

    @Test
    void withoutScaleOnlyCentres() {
        Dataset data = pairedDomains(x -> 0.4 * x + 0.4);
        Dataset adapted = new DomainStandardize(false).adapt(data);
        assertEquals(0, rows(adapted, 0).mul(0.4).sub(rows(adapted, PER_DOMAIN)).norm2Number().doubleValue(), 1e-3);
    }

    @Test
    void statisticsComeFromTrainingRowsOnly() {
        Dataset data = pairedDomains(x -> x);
        INDArray changedTest = data.features().dup();
        changedTest.getRow(0).assign(1000);
        Dataset adapted = new DomainStandardize(true).adapt(data);
        Dataset adaptedChanged = new DomainStandardize(true).adapt(data.withFeatures(changedTest));
        assertArrayEquals(adapted.features().getRow(1).toFloatVector(), adaptedChanged.features().getRow(1).toFloatVector());
    }

    @Test
    void aDomainWithoutTrainingRowsIsNamed() {
        Dataset data = pairedDomains(x -> x);
        Partition[] partitions = data.partitions();
        for (int row = 0; row < partitions.length; row++) {
            partitions[row] = row == 0 ? Partition.TEST : partitions[row];
        }
        Schema threeDomains = data.schema().withDomains(List.of(Domains.SOURCE, Domains.TARGET, "extra"));
        int[] domains = data.domains();
        domains[0] = 2;
        Dataset extra = Dataset.builder(threeDomains, data.features()).domains(domains).partitions(partitions).build();
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> new DomainStandardize(true).adapt(extra));
        assertTrue(error.getMessage().contains("domain \"extra\" has no rows in the training partition"), error.getMessage());
    }
}
