package dev.fulcrum.core.train;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.api.train.Interpolation;
import dev.fulcrum.api.train.InterpolationCurve;
import dev.fulcrum.api.train.Phase;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.MetricsLog;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.math.weights.MismatchedParametersException;
import dev.fulcrum.math.weights.ParameterTables;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WiSE-FT through the host's session, on real DL4J graphs and small data. */
class InterpolationTest {

    private static final int ROWS = 600;
    static final int FEATURES = 4;
    private static final int HIDDEN = 8;

    @TempDir
    Path folder;

    /** general: x0 > 0; specific: x1 + x2 > 0.5 x3; every fifth row validates, the others train. */
    static Dataset data() {
        SplittableRandom random = new SplittableRandom(3);
        float[] features = new float[ROWS * FEATURES];
        int[] general = new int[ROWS];
        int[] specific = new int[ROWS];
        Partition[] partitions = new Partition[ROWS];
        for (int row = 0; row < ROWS; row++) {
            for (int j = 0; j < FEATURES; j++) {
                features[row * FEATURES + j] = (float) (random.nextGaussian() * (j + 1) + j);
            }
            float[] x = Arrays.copyOfRange(features, row * FEATURES, row * FEATURES + FEATURES);
            general[row] = x[0] > 0 ? 1 : 0;
            specific[row] = x[1] + x[2] > 0.5 * x[3] + 2 ? 1 : 0;
            partitions[row] = row % 5 == 0 ? Partition.VALIDATION : Partition.TRAIN;
        }
        Schema schema = new Schema(Schema.numberedFeatures("x", FEATURES, "test"),
                List.of(new Task("specific", List.of("no", "yes")), new Task("general", List.of("no", "yes"))),
                List.of(Domains.SOURCE), null);
        return Dataset.builder(schema, Nd4j.create(features, new long[] {ROWS, FEATURES}, DataType.FLOAT))
                .labels("specific", specific).labels("general", general).partitions(partitions).build();
    }

    /** A dense trunk, optionally followed by a BatchNormalization layer, and one head per task. */
    static TrainableModel model(boolean batchNorm, int hidden) {
        ComputationGraphConfiguration.GraphBuilder builder = new NeuralNetConfiguration.Builder().seed(5)
                .dataType(DataType.FLOAT).updater(new Adam(1e-2)).graphBuilder().addInputs("features")
                .addLayer("trunk", new DenseLayer.Builder().nIn(FEATURES).nOut(hidden).activation(Activation.TANH).build(), "features");
        String top = "trunk";
        if (batchNorm) {
            builder.addLayer("bn", new BatchNormalization.Builder().nOut(hidden).build(), "trunk");
            top = "bn";
        }
        for (String task : List.of("specific", "general")) {
            builder.addLayer(task, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(hidden).nOut(2)
                    .activation(Activation.SOFTMAX).build(), top);
        }
        ComputationGraph graph = new ComputationGraph(builder.setOutputs("specific", "general").build());
        graph.init();
        List<String> trunk = batchNorm ? List.of("trunk", "bn") : List.of("trunk");
        return new TrainableModel(graph, trunk, Map.of("specific", List.of("specific"), "general", List.of("general")));
    }

    static HostTrainingSession session(Path folder, TrainableModel model, Dataset data, String run) {
        HostRunContext context = new HostRunContext(1, RunFolder.at(folder.resolve(run)));
        return new HostTrainingSession(model, data, List.of(), context, new MetricsLog(context.folder()), TrainingProgress.SILENT, () -> { });
    }

    /** Pre-training on general, then fine-tuning the whole model on specific, theta_0 kept as it starts. */
    private static void pretrainThenFinetune(HostTrainingSession session) {
        session.fit(Phase.named("pretrain").task("general").epochs(4).batchSize(32).learningRate(1e-2).build());
        session.fit(Phase.named("finetune").task("specific").epochs(4).batchSize(32).learningRate(1e-2)
                .keepStartingPointAfter(0).build());
    }

    private static INDArray[] outputs(TrainableModel model, Dataset data) {
        INDArray rows = Nd4j.pullRows(data.features(), 1, data.rowsIn(Partition.VALIDATION));
        return model.graph().output(false, rows);
    }

    private static void assertSameOutputs(INDArray[] expected, INDArray[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i].ravel().toDoubleVector(), actual[i].ravel().toDoubleVector(), 1e-6, what + ", output " + i);
        }
    }

    @Test
    void alphaZeroAndOneGiveTheOutputsOfTheta0AndTheta1() {
        Dataset data = data();
        for (double alpha : new double[] {0, 1}) {
            TrainableModel model = model(false, HIDDEN);
            HostTrainingSession session = session(folder, model, data, "run-" + alpha);
            session.fit(Phase.named("pretrain").task("general").epochs(4).batchSize(32).learningRate(1e-2).build());
            INDArray[] atStart = outputs(model, data);
            Map<String, Map<String, Double>> startMetrics = session.validate();
            session.fit(Phase.named("finetune").task("specific").epochs(4).batchSize(32).learningRate(1e-2)
                    .keepStartingPointAfter(0).build());
            INDArray[] fineTuned = outputs(model, data);
            Map<String, Map<String, Double>> fineTunedMetrics = session.validate();
            InterpolationCurve curve = session.interpolate(new Interpolation(List.of(alpha), null, null, null));
            assertEquals(alpha, curve.chosenAlpha());
            assertSameOutputs(alpha == 0 ? atStart : fineTuned, outputs(model, data), "alpha " + alpha);
            Map<String, Map<String, Double>> expected = alpha == 0 ? startMetrics : fineTunedMetrics;
            assertEquals(expected.get("specific").get("accuracy"), curve.points().get(0).specific(), 1e-12);
            assertEquals(expected.get("general").get("accuracy"), curve.points().get(0).general(), 1e-12);
        }
    }

    @Test
    void everyParameterOfTheChosenModelIsTheFormulaAndTheCurveCoversTheGrid() {
        Dataset data = data();
        TrainableModel model = model(false, HIDDEN);
        HostTrainingSession session = session(folder, model, data, "run");
        pretrainThenFinetune(session);
        InterpolationCurve curve = session.interpolate(new Interpolation(null, null, null, null));
        assertEquals(11, curve.points().size());
        double mean = (curve.points().stream().mapToDouble(p -> p.specific() + p.general()).max().orElseThrow()) / 2;
        InterpolationCurve.Point chosen = curve.points().stream().filter(p -> p.alpha() == curve.chosenAlpha()).findFirst().orElseThrow();
        assertEquals(mean, (chosen.specific() + chosen.general()) / 2, 1e-12, "rule mean picks the best mean");
        Map<String, INDArray> theta0 = session.startingPoint().orElseThrow();
        Map<String, INDArray> theta1 = session.interpolation().orElseThrow().fineTuned();
        double alpha = curve.chosenAlpha();
        model.graph().paramTable().forEach((name, values) -> {
            double[] w0 = theta0.get(name).ravel().toDoubleVector();
            double[] w1 = theta1.get(name).ravel().toDoubleVector();
            double[] got = values.ravel().toDoubleVector();
            for (int i = 0; i < got.length; i++) {
                assertEquals((1 - alpha) * w0[i] + alpha * w1[i], got[i], 1e-6, name + "[" + i + "] at alpha " + alpha);
            }
        });
    }

    @Test
    void ruleSpecificKeepsGeneralAboveItsBoundOrSaysItCannot() {
        Dataset data = data();
        TrainableModel model = model(false, HIDDEN);
        HostTrainingSession session = session(folder, model, data, "run");
        pretrainThenFinetune(session);
        InterpolationCurve curve = session.interpolate(new Interpolation(null, Interpolation.RULE_SPECIFIC, 1.0, null));
        InterpolationOutcome outcome = session.interpolation().orElseThrow();
        boolean anyPerfect = curve.points().stream().anyMatch(p -> p.general() >= 1.0);
        assertEquals(anyPerfect, outcome.ruleMet());
        if (!anyPerfect) {
            double bestGeneral = curve.points().stream().mapToDouble(InterpolationCurve.Point::general).max().orElseThrow();
            assertEquals(bestGeneral, outcome.chosen().general(), "no alpha met the bound: the best general one");
        }
    }

    /**
     * After interpolating, the BatchNormalization layer's running mean and variance are those of its
     * inputs over the training rows at the interpolated weights (not the average of theta_0's and
     * theta_1's moving averages), and the layer normalises with them at inference.
     */
    @Test
    void batchNormStatisticsAreMeasuredAgainOnTheTrainingRows() {
        Dataset data = data();
        TrainableModel model = model(true, HIDDEN);
        ComputationGraph graph = model.graph();
        HostTrainingSession session = session(folder, model, data, "run");
        pretrainThenFinetune(session);
        double[] averaged = session.startingPoint().orElseThrow().get("bn_mean").add(graph.getParam("bn_mean")).muli(0.5)
                .ravel().toDoubleVector();
        session.interpolate(new Interpolation(List.of(0.5), null, null, null));

        INDArray training = Nd4j.pullRows(data.features(), 1, data.rowsIn(Partition.TRAIN));
        double[][] hidden = graph.feedForward(training, false).get("trunk").castTo(DataType.DOUBLE).toDoubleMatrix();
        double[] mean = new double[HIDDEN];
        double[] variance = new double[HIDDEN];
        for (double[] row : hidden) {
            for (int c = 0; c < HIDDEN; c++) {
                mean[c] += row[c] / hidden.length;
            }
        }
        for (double[] row : hidden) {
            for (int c = 0; c < HIDDEN; c++) {
                variance[c] += (row[c] - mean[c]) * (row[c] - mean[c]) / hidden.length;
            }
        }
        assertArrayEquals(mean, graph.getParam("bn_mean").ravel().toDoubleVector(), 1e-5);
        double largestGap = 0;
        for (int c = 0; c < HIDDEN; c++) {
            largestGap = Math.max(largestGap, Math.abs(averaged[c] - mean[c]));
        }
        assertTrue(largestGap > 1e-3, "the measured means differ from the averaged ones, by at most " + largestGap);

        BatchNormalization config = (BatchNormalization) graph.getLayer("bn").conf().getLayer();
        double[] gamma = graph.getParam("bn_gamma").ravel().toDoubleVector();
        double[] beta = graph.getParam("bn_beta").ravel().toDoubleVector();
        double[][] normalised = graph.feedForward(training, false).get("bn").castTo(DataType.DOUBLE).toDoubleMatrix();
        for (int r = 0; r < hidden.length; r += 97) {
            for (int c = 0; c < HIDDEN; c++) {
                double expected = gamma[c] * (hidden[r][c] - mean[c]) / Math.sqrt(variance[c] + config.getEps()) + beta[c];
                assertEquals(expected, normalised[r][c], 1e-3 * Math.max(1, Math.abs(expected)), "row " + r + ", channel " + c);
            }
        }
    }

    @Test
    void graphsThatDoNotMatchAreRefusedByParameterName() {
        Dataset data = data();
        ComputationGraph graph = model(false, HIDDEN).graph();
        Map<String, INDArray> other = ParameterTables.copy(model(false, HIDDEN + 1).graph().paramTable());
        MismatchedParametersException refused = assertThrows(MismatchedParametersException.class, () -> new WeightSweep(
                graph, other, ParameterTables.copy(graph.paramTable()), data.features(), data.rowsIn(Partition.TRAIN)));
        assertEquals("theta_0 and the model are not the same graph: parameter trunk_W is [4, 9] in theta_0 but [4, 8] in "
                + "the model; parameter trunk_b is [9] in theta_0 but [8] in the model; parameter specific_W is [9, 2] in "
                + "theta_0 but [8, 2] in the model; parameter general_W is [9, 2] in theta_0 but [8, 2] in the model",
                refused.getMessage());
        Map<String, INDArray> withBatchNorm = ParameterTables.copy(model(true, HIDDEN).graph().paramTable());
        MismatchedParametersException extraLayer = assertThrows(MismatchedParametersException.class, () -> new WeightSweep(
                graph, withBatchNorm, ParameterTables.copy(graph.paramTable()), data.features(), data.rowsIn(Partition.TRAIN)));
        assertTrue(extraLayer.getMessage().startsWith("theta_0 and the model are not the same graph: parameter bn_gamma is "
                + "in theta_0 but not in the model;"), extraLayer.getMessage());
    }

    @Test
    void interpolatingNeedsThetaZeroOnceAndComesLast() {
        Dataset data = data();
        HostTrainingSession withoutStart = session(folder, model(false, HIDDEN), data, "without");
        withoutStart.fit(Phase.named("finetune").task("specific").epochs(1).batchSize(32).learningRate(1e-2).build());
        InvalidInputException none = assertThrows(InvalidInputException.class,
                () -> withoutStart.interpolate(new Interpolation(null, null, null, null)));
        assertTrue(none.getMessage().startsWith("interpolate: no phase kept theta_0"), none.getMessage());

        HostTrainingSession session = session(folder, model(false, HIDDEN), data, "twice");
        pretrainThenFinetune(session);
        session.interpolate(new Interpolation(List.of(0.5), null, null, null));
        assertThrows(IllegalStateException.class, () -> session.interpolate(new Interpolation(List.of(0.5), null, null, null)));
        IllegalStateException later = assertThrows(IllegalStateException.class, () -> session.fit(
                Phase.named("more").task("specific").epochs(1).batchSize(32).learningRate(1e-2).build()));
        assertTrue(later.getMessage().startsWith("phase more comes after interpolate()"), later.getMessage());
        IllegalStateException second = assertThrows(IllegalStateException.class, () -> {
            HostTrainingSession keepsTwice = session(folder, model(false, HIDDEN), data, "keeps-twice");
            pretrainThenFinetune(keepsTwice);
            keepsTwice.fit(Phase.named("again").task("specific").epochs(1).batchSize(32).learningRate(1e-2)
                    .keepStartingPointAfter(0).build());
        });
        assertEquals("phase again keeps theta_0, which phase finetune already kept; one phase of a run may keep it",
                second.getMessage());
    }
}
