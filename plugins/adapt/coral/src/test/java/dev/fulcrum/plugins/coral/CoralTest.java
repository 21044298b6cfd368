package dev.fulcrum.plugins.coral;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.math.stats.Covariance;
import dev.fulcrum.testkit.DomainTransformContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoralTest {

    private static final INDArray SOURCE_COVARIANCE = Nd4j.create(new double[][] {{0.001, 0}, {0, 1}});
    private static final INDArray TARGET_COVARIANCE = Nd4j.create(new double[][] {{0.1, 0.2}, {0.2, 0.5}});

    @Test
    void closedFormMapOfTheAdaptProtocol() {
        INDArray map = new Coral(0).map(SOURCE_COVARIANCE, TARGET_COVARIANCE);
        assertArrayEquals(new double[] {7.0710678, 7.0710678}, map.getRow(0).toDoubleVector(), 1e-7);
        assertArrayEquals(new double[] {0.2236068, 0.6708204}, map.getRow(1).toDoubleVector(), 1e-7);
        INDArray recoloured = map.transpose().mmul(SOURCE_COVARIANCE).mmul(map);
        assertEquals(0, recoloured.sub(TARGET_COVARIANCE).norm2Number().doubleValue(), 1e-12);
    }

    @Test
    void regularizerIsAddedToBothCovariances() {
        double lambda = 0.5;
        INDArray map = new Coral(lambda).map(SOURCE_COVARIANCE, TARGET_COVARIANCE);
        INDArray identity = Nd4j.eye(2).castTo(DataType.DOUBLE).muli(lambda);
        INDArray recoloured = map.transpose().mmul(SOURCE_COVARIANCE.add(identity)).mmul(map);
        assertEquals(0, recoloured.sub(TARGET_COVARIANCE.add(identity)).norm2Number().doubleValue(), 1e-12);
    }

    /**
     * Source and target training rows from the ADAPT protocol, plus validation and test rows that
     * are far off: the map comes from training rows only, every source row is transformed, target
     * rows are untouched.
     */
    @Test
    void learnsFromTrainingRowsOnlyAndTransformsEverySourceRow() {
        Dataset data = protocol();
        Dataset adapted = new Coral(0).adapt(data);
        int[] sourceTraining = rows(data, 0, Partition.TRAIN);
        int[] targetTraining = rows(data, 1, Partition.TRAIN);
        INDArray sourceAfter = Covariance.of(Nd4j.pullRows(adapted.features(), 1, sourceTraining));
        INDArray target = Covariance.of(Nd4j.pullRows(data.features(), 1, targetTraining));
        assertEquals(0, sourceAfter.sub(target).norm1Number().doubleValue() / 4, 1e-5);
        for (int row : rows(data, 1, Partition.TEST)) {
            assertArrayEquals(data.features().getRow(row).toFloatVector(), adapted.features().getRow(row).toFloatVector());
        }
        INDArray map = new Coral(0).map(Covariance.of(Nd4j.pullRows(data.features(), 1, sourceTraining)), target);
        int outlier = rows(data, 0, Partition.TEST)[0];
        INDArray expected = data.features().getRow(outlier, true).castTo(DataType.DOUBLE).mmul(map);
        assertArrayEquals(expected.toDoubleVector(), adapted.features().getRow(outlier).castTo(DataType.DOUBLE).toDoubleVector(), 1e-3);
        assertEquals(DataType.FLOAT, adapted.features().dataType());
    }

    @Test
    void itsSavedMapAdaptsRowsByTheirDomainAlone() {
        DomainTransformContract.check(new Coral(1), protocol());
    }

    @Test
    void saysWhatIsWrongWithTheData() {
        Dataset protocol = protocol();
        Dataset noTarget = Dataset.builder(protocol.schema().withDomains(List.of(Domains.SOURCE)), protocol.features())
                .partitions(protocol.partitions()).build();
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> new Coral(1).adapt(noTarget));
        assertTrue(missing.getMessage().startsWith("coral: the data has no target domain"), missing.getMessage());
        INDArray constantColumn = protocol.features().dup();
        constantColumn.getColumn(0).assign(3);
        InvalidInputException singular = assertThrows(InvalidInputException.class,
                () -> new Coral(0).adapt(protocol.withFeatures(constantColumn)));
        assertTrue(singular.getMessage().contains("set regularizer above 0"), singular.getMessage());
    }

    /** 1000 rows per domain, of which 700 train, 100 validate and 200 test; test rows of the source are scaled by 100. */
    private static Dataset protocol() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 2000;
        float[] features = new float[2 * n];
        int[] domains = new int[n];
        Partition[] partitions = new Partition[n];
        for (int row = 0; row < n; row++) {
            domains[row] = row % 2;
            int index = row / 2;
            partitions[row] = index < 700 ? Partition.TRAIN : index < 800 ? Partition.VALIDATION : Partition.TEST;
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            double scale = domains[row] == 0 && partitions[row] == Partition.TEST ? 100 : 1;
            // Target: the Cholesky factor of [[0.1, 0.2], [0.2, 0.5]] applied to (a, b).
            features[2 * row] = (float) (scale * (domains[row] == 0 ? Math.sqrt(0.001) * a : Math.sqrt(0.1) * a));
            features[2 * row + 1] = (float) (scale * (domains[row] == 0 ? b : 0.2 / Math.sqrt(0.1) * a + Math.sqrt(0.1) * b));
        }
        Schema schema = new Schema(Schema.numberedFeatures("x", 2, "test"), List.of(new Task("specific", List.of("no", "yes"))),
                List.of(Domains.SOURCE, Domains.TARGET), null);
        return Dataset.builder(schema, Nd4j.create(features, new long[] {n, 2}, DataType.FLOAT))
                .domains(domains).partitions(partitions).build();
    }

    private static int[] rows(Dataset data, int domain, Partition partition) {
        int[] domains = data.domains();
        return Arrays.stream(data.rowsIn(partition)).filter(row -> domains[row] == domain).toArray();
    }
}
