package dev.fulcrum.plugins.subspacealignment;

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
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubspaceAlignmentTest {

    private static final int PER_DOMAIN = 500;

    /**
     * In 3 dimensions the source varies along e0 (std 3) and e1 (std 1), the target along e0 (std 3)
     * and e2 (std 1); both have a little noise elsewhere and their own mean.
     */
    private static Dataset planes() {
        SplittableRandom random = new SplittableRandom(2);
        float[] features = new float[2 * PER_DOMAIN * 3];
        int[] domains = new int[2 * PER_DOMAIN];
        Partition[] partitions = new Partition[2 * PER_DOMAIN];
        for (int row = 0; row < 2 * PER_DOMAIN; row++) {
            boolean target = row >= PER_DOMAIN;
            double main = 3 * random.nextGaussian();
            double second = random.nextGaussian();
            double noise = 0.01 * random.nextGaussian();
            features[3 * row] = (float) (main + (target ? 5 : 0));
            features[3 * row + 1] = (float) (target ? noise : second);
            features[3 * row + 2] = (float) (target ? second : noise);
            domains[row] = target ? 1 : 0;
            partitions[row] = row % 4 == 0 ? Partition.TEST : Partition.TRAIN;
        }
        Schema schema = new Schema(Schema.numberedFeatures("x", 3, "test"), List.of(new Task("specific", List.of("a", "b"))),
                List.of(Domains.SOURCE, Domains.TARGET), null);
        return Dataset.builder(schema, Nd4j.create(features, new long[] {2 * PER_DOMAIN, 3}, DataType.FLOAT))
                .domains(domains).partitions(partitions).build();
    }

    /**
     * With 2 components, M = Ps^T Pt = diag(+-1, 0): the shared direction e0 carries over (centred, up
     * to sign) and the source's own direction e1, which the target lacks, is dropped.
     */
    @Test
    void keepsTheSharedDirectionAndDropsTheOneTheTargetLacks() {
        Dataset data = planes();
        Dataset adapted = new SubspaceAlignment(2).adapt(data);
        assertEquals(List.of("sa0", "sa1"), adapted.schema().featureNames());
        INDArray source = adapted.features().get(NDArrayIndex.interval(0, PER_DOMAIN), NDArrayIndex.all());
        INDArray target = adapted.features().get(NDArrayIndex.interval(PER_DOMAIN, 2 * PER_DOMAIN), NDArrayIndex.all());
        INDArray originalE0 = data.features().get(NDArrayIndex.interval(0, PER_DOMAIN), NDArrayIndex.point(0));
        INDArray centredE0 = originalE0.sub(originalE0.meanNumber());
        double agreement = Math.abs(Transforms.cosineSim(source.getColumn(0), centredE0));
        assertTrue(agreement > 0.999, "source sa0 against centred e0: cosine " + agreement);
        assertTrue(source.getColumn(1).norm2Number().doubleValue() < 0.05 * source.getColumn(0).norm2Number().doubleValue(),
                "the source's own direction survives: " + source.getColumn(1).norm2Number());
        INDArray targetE2 = data.features().get(NDArrayIndex.interval(PER_DOMAIN, 2 * PER_DOMAIN), NDArrayIndex.point(2));
        assertTrue(Math.abs(Transforms.cosineSim(target.getColumn(1), targetE2.sub(targetE2.meanNumber()))) > 0.99);
        assertEquals(0, target.getColumn(0).meanNumber().doubleValue(), 0.5, "the target is centred on its own mean");
        assertTrue(adapted.schema().image().isEmpty());
    }

    @Test
    void itsSavedTransformAdaptsRowsByTheirDomainAlone() {
        DomainTransformContract.check(new SubspaceAlignment(2), planes());
    }

    @Test
    void moreDimensionsThanFeaturesIsNamed() {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> new SubspaceAlignment(4).adapt(planes()));
        assertTrue(error.getMessage().contains("set dimensions to at most 3"), error.getMessage());
    }
}
