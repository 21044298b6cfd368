package dev.fulcrum.plugins.featureaugmentation;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Feature;
import dev.fulcrum.api.data.ImageShape;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.testkit.DomainTransformContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureAugmentationTest {

    /** Two source rows and two target rows of two features; the first target row is labelled. */
    private static Dataset data(int[] labels) {
        Schema schema = new Schema(List.of(new Feature("a", "csv"), new Feature("b", "csv")),
                List.of(new Task(Tasks.SPECIFIC, List.of("no", "yes"))), List.of(Domains.SOURCE, Domains.TARGET),
                new ImageShape(1, 1, 2));
        return Dataset.builder(schema, Nd4j.create(new float[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}}).castTo(DataType.FLOAT))
                .labels(Tasks.SPECIFIC, labels)
                .domains(new int[] {0, 0, 1, 1})
                .partitions(new Partition[] {Partition.TRAIN, Partition.TRAIN, Partition.TRAIN, Partition.TEST})
                .build();
    }

    @Test
    void sourceGetsXX0AndTargetX0X() {
        Dataset adapted = new FeatureAugmentation().adapt(data(new int[] {0, 1, 1, 0}));
        assertArrayEquals(new float[] {1, 2, 1, 2, 0, 0}, adapted.features().getRow(0).toFloatVector());
        assertArrayEquals(new float[] {3, 4, 3, 4, 0, 0}, adapted.features().getRow(1).toFloatVector());
        assertArrayEquals(new float[] {5, 6, 0, 0, 5, 6}, adapted.features().getRow(2).toFloatVector());
        assertArrayEquals(new float[] {7, 8, 0, 0, 7, 8}, adapted.features().getRow(3).toFloatVector());
        assertEquals(List.of("a", "b", "source:a", "source:b", "target:a", "target:b"), adapted.schema().featureNames());
        assertEquals(new Feature("target:b", "feature-augmentation(b)"), adapted.schema().features().get(5));
        assertEquals(new Feature("a", "csv"), adapted.schema().features().get(0));
        assertTrue(adapted.schema().image().isEmpty(), "the columns are no longer an image");
    }

    @Test
    void itsSavedTransformAdaptsRowsByTheirDomainAlone() {
        DomainTransformContract.check(new FeatureAugmentation(), data(new int[] {0, 1, 1, 0}));
    }

    @Test
    void refusesWithoutLabelledTargetTrainingRows() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> new FeatureAugmentation().adapt(data(new int[] {0, 1, Dataset.NO_LABEL, 0})));
        assertTrue(error.getMessage().contains("set split.target-labelled above 0"), error.getMessage());
    }
}
