package dev.fulcrum.core.train;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.api.train.DomainAdversary;
import dev.fulcrum.api.train.Phase;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.MetricsLog;
import dev.fulcrum.core.run.RunFolder;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
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

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdversarialTrainingTest {

    private static final int PER_DOMAIN = 600;
    private static final int FEATURES = 4;

    @TempDir
    Path folder;

    /**
     * Source rows ~ N(0, I), labelled by x0 + x1 > 0; target rows ~ N((0, 0, 1.5, 1.5), I),
     * unlabelled: the domains differ only in features the task does not need, so a trunk can drop
     * the domain without losing the task. Every sixth row validates.
     */
    private static Dataset twoDomains() {
        SplittableRandom random = new SplittableRandom(8);
        int n = 2 * PER_DOMAIN;
        float[] features = new float[n * FEATURES];
        int[] labels = new int[n];
        int[] domains = new int[n];
        Partition[] partitions = new Partition[n];
        for (int row = 0; row < n; row++) {
            boolean target = row >= PER_DOMAIN;
            for (int j = 0; j < FEATURES; j++) {
                features[row * FEATURES + j] = (float) (random.nextGaussian() + (target && j >= 2 ? 1.5 : 0));
            }
            labels[row] = target ? Dataset.NO_LABEL : features[row * FEATURES] + features[row * FEATURES + 1] > 0 ? 1 : 0;
            domains[row] = target ? 1 : 0;
            partitions[row] = row % 6 == 0 ? Partition.VALIDATION : Partition.TRAIN;
        }
        Schema schema = new Schema(Schema.numberedFeatures("x", FEATURES, "test"), List.of(new Task("specific", List.of("no", "yes"))),
                List.of(Domains.SOURCE, Domains.TARGET), null);
        return Dataset.builder(schema, Nd4j.create(features, new long[] {n, FEATURES}, DataType.FLOAT))
                .labels("specific", labels).domains(domains).partitions(partitions).build();
    }

    private static TrainableModel model() {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.FLOAT)
                .updater(new Adam(1e-2)).graphBuilder().addInputs("features")
                .addLayer("trunk", new DenseLayer.Builder().nIn(FEATURES).nOut(8).activation(Activation.TANH).build(), "features")
                .addLayer("specific", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(2)
                        .activation(Activation.SOFTMAX).build(), "trunk")
                .setOutputs("specific").build());
        graph.init();
        return new TrainableModel(graph, List.of("trunk"), Map.of("specific", List.of("specific")));
    }

    private static HostTrainingSession session(TrainableModel model, Dataset data, HostRunContext context, MetricsLog log) {
        return new HostTrainingSession(model, data, List.of(), context, log, TrainingProgress.SILENT, () -> { });
    }

    /** The last training line of the metrics log. */
    private static JsonNode lastTrainLine(MetricsLog log) throws IOException {
        JsonNode last = null;
        for (String line : log.lines()) {
            JsonNode node = Json.MAPPER.readTree(line);
            if (node.path("split").asText().equals("train")) {
                last = node;
            }
        }
        return last;
    }

    /**
     * The same training with the reversal off (lambda 0) and on: on, the trunk works against the
     * domain classifier, which ends up less able to tell the domains apart, while the task is still
     * learnt; the classifier is gone after the phase, and its training went into the model. Measured
     * here: 0.789 without, 0.733 with (a tanh trunk can blur but not drop the shifted features in 20
     * epochs; DANN's adversarial game is slow).
     */
    @Test
    void theReversedGradientWorksAgainstTheDomainClassifier() throws IOException {
        Dataset data = twoDomains();
        Phase.Builder phase = Phase.named("train").task("specific").epochs(20).batchSize(64).learningRate(1e-2);
        double[] domainAccuracy = new double[2];
        for (int on = 0; on < 2; on++) {
            TrainableModel model = model();
            INDArray before = model.graph().params().dup();
            HostRunContext context = new HostRunContext(1, RunFolder.at(folder.resolve("run-" + on)));
            MetricsLog log = new MetricsLog(context.folder());
            HostTrainingSession session = session(model, data, context, log);
            session.fit(phase.domainAdversary(DomainAdversary.ganin(List.of(), on * 3.0, 10)).build());
            assertEquals(List.of("specific"), model.outputs(), "the domain classifier is gone after the phase");
            assertNotEquals(before, model.graph().params(), "the trained parameters were copied back");
            assertTrue(session.validate().get("specific").get("accuracy") > 0.9, "the task is learnt");
            JsonNode last = lastTrainLine(log);
            assertEquals(on * 3.0 * 0.9999, last.path("lambda").asDouble(), 0.01, "lambda at the end of the schedule");
            domainAccuracy[on] = last.path("domain_classifier_accuracy").asDouble();
        }
        assertTrue(domainAccuracy[1] < domainAccuracy[0] - 0.03, "domain classifier accuracy without the reversal "
                + domainAccuracy[0] + ", with it " + domainAccuracy[1]);
    }
}
