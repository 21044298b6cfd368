package dev.fulcrum.core.train;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.api.train.EarlyStopping;
import dev.fulcrum.api.train.Phase;
import dev.fulcrum.api.train.WeightAveraging;
import dev.fulcrum.core.run.ModelArchive;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.math.weights.MismatchedParametersException;
import dev.fulcrum.math.weights.ParameterTables;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SWA and EMA at a phase's end, and starting from a saved theta_0, through the host's session on real DL4J graphs. */
class WeightAveragingTest {

    private static final int HIDDEN = 8;

    @TempDir
    Path folder;

    private static Phase.Builder finetune(int epochs) {
        return Phase.named("finetune").task("specific").epochs(epochs).batchSize(32).learningRate(1e-2);
    }

    @Test
    void swaEndsThePhaseAtTheMeanOfTheWeightsAtTheEndOfItsLastEpochs() {
        Dataset data = InterpolationTest.data();
        TrainableModel stepwise = InterpolationTest.model(false, HIDDEN);
        HostTrainingSession oneEpochAtATime = InterpolationTest.session(folder, stepwise, data, "stepwise");
        List<Map<String, INDArray>> ends = new ArrayList<>();
        for (int epoch = 0; epoch < 4; epoch++) {
            oneEpochAtATime.fit(finetune(1).build());
            ends.add(ParameterTables.copy(stepwise.graph().paramTable()));
        }
        TrainableModel averaged = InterpolationTest.model(false, HIDDEN);
        HostTrainingSession session = InterpolationTest.session(folder, averaged, data, "swa");
        session.fit(finetune(4).averageWeights(new WeightAveraging("swa", 3, null)).build());

        for (String name : averaged.graph().paramTable().keySet()) {
            double[] expected = new double[(int) ends.get(0).get(name).length()];
            for (Map<String, INDArray> end : ends.subList(1, 4)) {
                double[] values = end.get(name).ravel().toDoubleVector();
                for (int i = 0; i < expected.length; i++) {
                    expected[i] += values[i] / 3;
                }
            }
            assertArrayEquals(expected, averaged.graph().getParam(name).ravel().toDoubleVector(), 1e-5, name);
        }
        AveragingOutcome outcome = session.averaging().get(0);
        assertEquals("finetune", outcome.phase());
        assertEquals(3, outcome.epochsAveraged());
        assertEquals(0, outcome.iterationsAveraged());
        assertEquals(session.validate(), outcome.after(), "after: the model the phase ends with");
        assertEquals(Evaluator.evaluate(stepwise, data, Partition.VALIDATION), outcome.before(),
                "before: the last epoch's weights, which the phase keeps without averaging");
    }

    @Test
    void afterAveragingBatchNormStatisticsAreMeasuredOnThePhasesTrainingRows() {
        Dataset data = InterpolationTest.data();
        TrainableModel model = InterpolationTest.model(true, HIDDEN);
        HostTrainingSession session = InterpolationTest.session(folder, model, data, "bn");
        session.fit(finetune(3).averageWeights(new WeightAveraging("ema", null, 0.9)).build());
        ComputationGraph graph = model.graph();
        INDArray training = Nd4j.pullRows(data.features(), 1, data.labelledRows("specific", Partition.TRAIN));
        double[][] hidden = graph.feedForward(training, false).get("trunk").castTo(DataType.DOUBLE).toDoubleMatrix();
        double[] mean = new double[HIDDEN];
        for (double[] row : hidden) {
            for (int c = 0; c < HIDDEN; c++) {
                mean[c] += row[c] / hidden.length;
            }
        }
        assertArrayEquals(mean, graph.getParam("bn_mean").ravel().toDoubleVector(), 1e-5);
        int batches = (data.labelledRows("specific", Partition.TRAIN).length + 31) / 32;
        assertEquals(3L * batches, session.averaging().get(0).iterationsAveraged(), "the EMA follows every mini-batch");
    }

    @Test
    void withEarlyStoppingTheAverageCoversTheEpochsActuallyRunAndReplacesTheBestEpoch() {
        Dataset data = InterpolationTest.data();
        TrainableModel model = InterpolationTest.model(false, HIDDEN);
        HostTrainingSession session = InterpolationTest.session(folder, model, data, "early");
        session.fit(finetune(40).earlyStopping(new EarlyStopping("specific.loss", "min", 1, 0.05))
                .averageWeights(new WeightAveraging(null, null, null)).build());
        var phase = session.results().get(0);
        assertTrue(phase.stoppedEarly(), "the phase stops early here: " + phase);
        AveragingOutcome outcome = session.averaging().get(0);
        assertEquals(Math.min(5, phase.epochsRun()), outcome.epochsAveraged());
        assertEquals(phase.bestValue(), outcome.before().get("specific").get("loss"), 1e-9, "before: the best epoch's weights");
        assertEquals(session.validate(), outcome.after());
    }

    @Test
    void aDomainAdversarialPhaseIsNotAveraged() {
        Dataset data = InterpolationTest.data();
        HostTrainingSession session = InterpolationTest.session(folder, InterpolationTest.model(false, HIDDEN), data, "dann");
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> session.fit(finetune(1)
                .domainAdversary(new dev.fulcrum.api.train.DomainAdversary(List.of(4), progress -> 1.0))
                .averageWeights(new WeightAveraging(null, null, null)).build()));
        assertEquals("phase finetune averages its weights and trains against a domain classifier; weight averaging supports "
                + "phases without one", refused.getMessage());
    }

    @Test
    void startFromLoadsASavedThetaZeroAndKeepsItAsTheRunsOwn() throws Exception {
        Dataset data = InterpolationTest.data();
        TrainableModel source = InterpolationTest.model(false, HIDDEN);
        HostTrainingSession first = InterpolationTest.session(folder, source, data, "first");
        first.fit(finetune(2).keepStartingPointAfter(1).build());
        Map<String, INDArray> theta0 = first.startingPoint().orElseThrow();
        RunFolder firstFolder = RunFolder.at(folder.resolve("first"));
        ModelArchive.writeStartingPoint(firstFolder, source.graph(), theta0);

        TrainableModel model = InterpolationTest.model(false, HIDDEN);
        HostTrainingSession session = InterpolationTest.session(folder, model, data, "second");
        session.startFrom(folder.resolve("first"));
        ParameterTables.requireEqual(theta0, "theta_0", model.graph().paramTable(), "the loaded model");
        ParameterTables.requireEqual(theta0, "theta_0", session.startingPoint().orElseThrow(), "the second run's theta_0");
        StartingPointSource from = session.startedFrom().orElseThrow();
        assertEquals(folder.resolve("first/theta0.zip").toAbsolutePath().normalize(), from.file());
        assertEquals(64, from.sha256().length());
        IllegalStateException keepsAgain = assertThrows(IllegalStateException.class,
                () -> session.fit(finetune(1).keepStartingPointAfter(0).build()));
        assertTrue(keepsAgain.getMessage().startsWith("phase finetune keeps theta_0, which phase startFrom("), keepsAgain.getMessage());

        HostTrainingSession wider = InterpolationTest.session(folder, InterpolationTest.model(false, HIDDEN + 1), data, "wider");
        MismatchedParametersException refused = assertThrows(MismatchedParametersException.class,
                () -> wider.startFrom(folder.resolve("first/theta0.zip")));
        assertTrue(refused.getMessage().startsWith(folder.resolve("first/theta0.zip") + " and this run's model are not the "
                + "same graph: parameter trunk_W is [4, 8] in"), refused.getMessage());
        Files.createDirectories(folder.resolve("empty"));
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> InterpolationTest.session(folder, InterpolationTest.model(false, HIDDEN), data, "missing").startFrom(folder.resolve("empty")));
        assertEquals(folder.resolve("empty") + ": the run folder has no theta0.zip (only runs whose strategy keeps theta_0 have one)",
                missing.getMessage());
    }
}
