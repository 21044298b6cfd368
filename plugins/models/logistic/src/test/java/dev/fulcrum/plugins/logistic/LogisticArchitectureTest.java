package dev.fulcrum.plugins.logistic;

import dev.fulcrum.api.data.Task;
import dev.fulcrum.api.model.ModelSpec;
import dev.fulcrum.api.model.TrainableModel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogisticArchitectureTest {

    private static final int ROWS = 2000;

    @Test
    void oneSoftmaxLayerPerTaskAndNoTrunk() {
        TrainableModel model = build(0.0, List.of(new Task("specific", List.of("a", "b", "c")), new Task("general", List.of("x", "y"))));
        assertEquals(List.of(), model.trunkLayers());
        assertEquals(Map.of("specific", List.of("specific"), "general", List.of("general")), model.headLayers());
        assertEquals(1 * 3 + 3 + 1 * 2 + 2, model.graph().numParams());
    }

    /**
     * Classes N(-1, 1) and N(1, 1): the log-odds are exactly 2x, so an unpenalised fit has a
     * logit difference of slope 2 and intercept 0; a penalty shrinks the slope.
     */
    @Test
    void recoversTheLogOddsOfTwoGaussiansAndThePenaltyShrinksThem() {
        TrainableModel plain = fitted(0.0);
        assertEquals(2.0, slope(plain), 0.15);
        assertEquals(0.0, intercept(plain), 0.1);
        double penalised = slope(fitted(0.05));
        assertTrue(penalised < 1.7, "slope with l2 = 0.05: " + penalised);
    }

    private static TrainableModel build(double l2, List<Task> tasks) {
        return new LogisticArchitecture(l2).build(new ModelSpec(1, null, tasks, 1, new Adam(0.1)));
    }

    private static TrainableModel fitted(double l2) {
        TrainableModel model = build(l2, List.of(new Task("specific", List.of("negative", "positive"))));
        SplittableRandom random = new SplittableRandom(3);
        float[] x = new float[ROWS];
        float[] oneHot = new float[2 * ROWS];
        for (int i = 0; i < ROWS; i++) {
            int label = i % 2;
            x[i] = (float) (random.nextGaussian() + (label == 1 ? 1 : -1));
            oneHot[2 * i + label] = 1;
        }
        MultiDataSet batch = new MultiDataSet(Nd4j.create(x, new long[] {ROWS, 1}, DataType.FLOAT),
                Nd4j.create(oneHot, new long[] {ROWS, 2}, DataType.FLOAT));
        for (int step = 0; step < 200; step++) {
            model.graph().fit(batch);
        }
        return model;
    }

    /** Weight of class positive minus weight of class negative. */
    private static double slope(TrainableModel model) {
        INDArray weights = model.graph().getLayer("specific").getParam("W");
        return weights.getDouble(0, 1) - weights.getDouble(0, 0);
    }

    private static double intercept(TrainableModel model) {
        INDArray bias = model.graph().getLayer("specific").getParam("b");
        return bias.getDouble(1) - bias.getDouble(0);
    }
}
