package dev.fulcrum.core.train;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.math.calibration.Calibration;
import dev.fulcrum.math.ensemble.CombineRule;
import dev.fulcrum.runtime.Predictions;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An ensemble is evaluated as one model is, on its combined probabilities. */
class EnsembleProbabilitiesTest {

    private static final int FEATURES = 4;
    private static final int ROWS = 120;

    @Test
    void anEnsembleOfOneModelRepeatedScoresExactlyAsThatModel() {
        Dataset data = rows(null);
        TrainableModel model = model(3);
        Map<String, Evaluator.TaskEvaluation> alone = Evaluator.evaluateInFull(model, data, Partition.TEST);
        Map<String, Evaluator.TaskEvaluation> ensemble = Evaluator.evaluateInFull(
                EnsembleProbabilities.fit(List.of(model, model, model), CombineRule.SOFT, data, "ensemble.combine"),
                data, Partition.TEST);
        assertEquals(alone.get("specific").metrics().get("accuracy"), ensemble.get("specific").metrics().get("accuracy"));
        assertEquals(alone.get("specific").calibration().ece(), ensemble.get("specific").calibration().ece(), 1e-6);
        assertEquals(alone.get("specific").calibration().nll(), ensemble.get("specific").calibration().nll(), 1e-6);
        assertEquals(alone.get("specific").calibration().brier(), ensemble.get("specific").calibration().brier(), 1e-6);
    }

    @Test
    void theEnsemblesCalibrationIsThatOfTheMeanOfItsMembersProbabilities() {
        Dataset data = rows(null);
        List<TrainableModel> members = List.of(model(1), model(2));
        int[] test = data.labelledRows("specific", Partition.TEST);
        float[][] first = Predictions.probabilities(members.get(0), data, test).get("specific").toFloatMatrix();
        float[][] second = Predictions.probabilities(members.get(1), data, test).get("specific").toFloatMatrix();
        float[][] mean = new float[test.length][2];
        int[] labels = new int[test.length];
        for (int i = 0; i < test.length; i++) {
            labels[i] = data.labels("specific")[test[i]];
            for (int c = 0; c < 2; c++) {
                mean[i][c] = (first[i][c] + second[i][c]) / 2;
            }
        }
        Calibration expected = Calibration.of(mean, labels, Calibration.DEFAULT_BINS);
        Calibration actual = Evaluator.evaluateInFull(EnsembleProbabilities.fit(members, CombineRule.SOFT, data, "e"),
                data, Partition.TEST).get("specific").calibration();
        assertEquals(expected.ece(), actual.ece(), 1e-6);
        assertEquals(expected.brier(), actual.brier(), 1e-6);
        assertEquals(expected.nll(), actual.nll(), 1e-6);
    }

    @Test
    void aRuleFittedOnValidationRowsIsRefusedWhereThereAreNone() {
        Dataset data = rows(Partition.TRAIN);
        InvalidInputException e = assertThrows(InvalidInputException.class, () ->
                EnsembleProbabilities.fit(List.of(model(1), model(2)), CombineRule.STACKING, data, "ensemble.combine"));
        assertEquals("ensemble.combine: stacking is fitted on validation rows, and task specific has no labelled "
                + "validation rows; give the split a validation share or combine by soft", e.getMessage());
    }

    /** Rows of a linear two-class problem: every third row validation, every third test, unless {@code only} names one partition. */
    private static Dataset rows(Partition only) {
        SplittableRandom random = new SplittableRandom(4);
        float[] features = new float[ROWS * FEATURES];
        int[] labels = new int[ROWS];
        Partition[] partitions = new Partition[ROWS];
        for (int row = 0; row < ROWS; row++) {
            for (int j = 0; j < FEATURES; j++) {
                features[row * FEATURES + j] = (float) random.nextGaussian();
            }
            labels[row] = features[row * FEATURES] > 0 ? 1 : 0;
            partitions[row] = only != null ? only : new Partition[] {Partition.TRAIN, Partition.VALIDATION, Partition.TEST}[row % 3];
        }
        Schema schema = new Schema(Schema.numberedFeatures("x", FEATURES, "test"), List.of(new Task("specific", List.of("no", "yes"))),
                List.of(Domains.SOURCE), null);
        return Dataset.builder(schema, Nd4j.create(features, new long[] {ROWS, FEATURES}, DataType.FLOAT))
                .labels("specific", labels).partitions(partitions).build();
    }

    /** An untrained network whose weights come from {@code seed}: members that disagree. */
    private static TrainableModel model(long seed) {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.FLOAT)
                .updater(new Adam(1e-2)).graphBuilder().addInputs("features")
                .addLayer("trunk", new DenseLayer.Builder().nIn(FEATURES).nOut(6).activation(Activation.TANH).build(), "features")
                .addLayer("specific", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(6).nOut(2)
                        .activation(Activation.SOFTMAX).build(), "trunk")
                .setOutputs("specific").build());
        graph.init();
        return new TrainableModel(graph, List.of("trunk"), Map.of("specific", List.of("specific")));
    }
}
