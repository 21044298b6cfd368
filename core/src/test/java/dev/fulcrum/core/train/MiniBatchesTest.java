package dev.fulcrum.core.train;

import dev.fulcrum.api.augment.Batch;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.api.train.Phase;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * What the trainer feeds the network, captured by a graph whose {@code fit} records its batches:
 * rows 0..9 are general-only, rows 10..12 specific-only, and row 13 has both labels.
 */
class MiniBatchesTest {

    private static final int GENERAL_ROWS = 10;
    private static final int SPECIFIC_ROWS = 3;

    private static final class RecordingGraph extends ComputationGraph {
        final List<MultiDataSet> fitted = new ArrayList<>();
        /** Whether a batch-building thread was alive during a fit. */
        boolean builderAlive;

        RecordingGraph(ComputationGraph graph) {
            super(graph.getConfiguration());
            init();
        }

        @Override
        public void fit(MultiDataSet data) {
            // a copy: the trainer copies later groups' rows into the arrays of the groups before them
            fitted.add(new org.nd4j.linalg.dataset.MultiDataSet(copies(data.getFeatures()), copies(data.getLabels()),
                    copies(data.getFeaturesMaskArrays()), copies(data.getLabelsMaskArrays())));
            builderAlive |= Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("fulcrum-batches"));
        }

        private static INDArray[] copies(INDArray[] arrays) {
            return arrays == null ? null : java.util.Arrays.stream(arrays).map(a -> a == null ? null : a.dup()).toArray(INDArray[]::new);
        }

        @Override
        public double score() {
            return 1.0;
        }

        /** A graph of the same configuration that really fits. */
        ComputationGraph trained() {
            ComputationGraph graph = new ComputationGraph(getConfiguration());
            graph.init();
            return graph;
        }
    }

    private static TrainableModel model() {
        var graph = new NeuralNetConfiguration.Builder().updater(new Sgd(0.1)).graphBuilder().addInputs("features")
                .addLayer("specific", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(1).nOut(2)
                        .activation(Activation.SOFTMAX).build(), "features")
                .addLayer("general", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(1).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "features")
                .setOutputs("specific", "general").build();
        ComputationGraph network = new ComputationGraph(graph);
        network.init();
        return new TrainableModel(new RecordingGraph(network), List.of(), Map.of("specific", List.of("specific"), "general", List.of("general")));
    }

    /** Features hold the row's index, so a batch says which rows it took. */
    private static Batch rows(float[] weights) {
        int n = GENERAL_ROWS + SPECIFIC_ROWS + 1;
        Schema schema = new Schema(Schema.numberedFeatures("x", 1, "test"),
                List.of(new Task("specific", List.of("a", "b")), new Task("general", List.of("a", "b", "c"))), List.of(Domains.SOURCE), null);
        float[] index = new float[n];
        float[] specificMask = new float[n];
        float[] generalMask = new float[n];
        INDArray specificTargets = Nd4j.zeros(DataType.FLOAT, n, 2);
        INDArray generalTargets = Nd4j.zeros(DataType.FLOAT, n, 3);
        for (int i = 0; i < n; i++) {
            index[i] = i;
            boolean general = i < GENERAL_ROWS || i == n - 1;
            boolean specific = i >= GENERAL_ROWS;
            generalMask[i] = general ? 1 : 0;
            specificMask[i] = specific ? 1 : 0;
            if (general) {
                generalTargets.putScalar(i, i % 3, 1);
            }
            if (specific) {
                specificTargets.putScalar(i, i % 2, 1);
            }
        }
        return new Batch(schema, Nd4j.create(index, new long[] {n, 1}, DataType.FLOAT),
                Map.of("specific", specificTargets, "general", generalTargets),
                Map.of("specific", column(specificMask), "general", column(generalMask)), column(weights));
    }

    private static INDArray column(float[] values) {
        return Nd4j.create(values, new long[] {values.length, 1}, DataType.FLOAT);
    }

    private static float[] ones() {
        float[] weights = new float[GENERAL_ROWS + SPECIFIC_ROWS + 1];
        java.util.Arrays.fill(weights, 1f);
        return weights;
    }

    private static int[] rowsOf(MultiDataSet batch) {
        return batch.getFeatures(0).toIntVector();
    }

    @Test
    void withoutSharesEveryRowIsFedOncePerEpochAndUntrainedOutputsAreMaskedOut() {
        TrainableModel model = model();
        Phase phase = Phase.named("p").task("specific").batchSize(4).build();
        MiniBatches.Fit fit = new MiniBatches(rows(ones()), model, phase, 7).fitAll(model.graph(), (b, n, r) -> { }, true);
        List<MultiDataSet> fitted = ((RecordingGraph) model.graph()).fitted;
        assertEquals(4, fitted.size());
        assertEquals(14, fit.samples());
        int[] seen = fitted.stream().flatMapToInt(b -> java.util.Arrays.stream(rowsOf(b))).sorted().toArray();
        assertArrayEquals(java.util.stream.IntStream.range(0, 14).toArray(), seen);
        for (MultiDataSet batch : fitted) {
            assertEquals(0.0, batch.getLabelsMaskArray(1).sumNumber().doubleValue(), "the general output is not trained");
        }
    }

    @Test
    void batchesBuiltOnAnotherThreadAreTheOnesBuiltBetweenFitsInGroupsOfWholeBatchesAndEveryRowIsFedOnce() {
        Phase phase = Phase.named("p").task("specific").batchSize(1000).build();
        Batch rows = indexedRows(12_500);
        List<int[]> prefetched = fedRows(rows, phase, true, "true");
        List<int[]> inline = fedRows(rows, phase, false, "true");
        List<int[]> switchedOff = fedRows(rows, phase, true, "false");
        assertEquals(13, prefetched.size(), "12,500 rows in batches of 1,000, built 4 batches at a time, the third group into the first's arrays");
        for (int b = 0; b < prefetched.size(); b++) {
            assertArrayEquals(inline.get(b), prefetched.get(b), "batch " + b);
            assertArrayEquals(inline.get(b), switchedOff.get(b), "batch " + b);
        }
        int[] seen = prefetched.stream().flatMapToInt(java.util.Arrays::stream).sorted().toArray();
        assertArrayEquals(java.util.stream.IntStream.range(0, 12_500).toArray(), seen);
        assertEquals(500, prefetched.get(12).length);
    }

    private static List<int[]> fedRows(Batch rows, Phase phase, boolean prefetch, String allowed) {
        String before = System.getProperty(MiniBatches.PREFETCH_PROPERTY);
        System.setProperty(MiniBatches.PREFETCH_PROPERTY, allowed);
        try {
            TrainableModel model = model();
            MiniBatches.Fit fit = new MiniBatches(rows, model, phase, 11).fitAll(model.graph(), (b, n, r) -> { }, prefetch);
            assertEquals(rows.rows(), fit.samples());
            assertEquals(prefetch && allowed.equals("true"), ((RecordingGraph) model.graph()).builderAlive,
                    "batches are built on a thread of their own exactly where asked and allowed");
            return ((RecordingGraph) model.graph()).fitted.stream().map(MiniBatchesTest::rowsOf).toList();
        } finally {
            if (before == null) {
                System.clearProperty(MiniBatches.PREFETCH_PROPERTY);
            } else {
                System.setProperty(MiniBatches.PREFETCH_PROPERTY, before);
            }
        }
    }

    /** {@code n} rows with the specific label only; features hold the row's index. */
    private static Batch indexedRows(int n) {
        Schema schema = new Schema(Schema.numberedFeatures("x", 1, "test"),
                List.of(new Task("specific", List.of("a", "b")), new Task("general", List.of("a", "b", "c"))), List.of(Domains.SOURCE), null);
        float[] index = new float[n];
        float[] ones = new float[n];
        INDArray targets = Nd4j.zeros(DataType.FLOAT, n, 2);
        for (int i = 0; i < n; i++) {
            index[i] = i;
            ones[i] = 1;
            targets.putScalar(i, i % 2, 1);
        }
        return new Batch(schema, Nd4j.create(index, new long[] {n, 1}, DataType.FLOAT),
                Map.of("specific", targets, "general", Nd4j.zeros(DataType.FLOAT, n, 3)),
                Map.of("specific", column(ones), "general", column(new float[n])), column(ones));
    }

    @Test
    void aOneRowBatchIsFedAsTheRowTwiceWhichARealGraphAccepts() {
        Phase phase = Phase.named("p").task("specific").batchSize(GENERAL_ROWS + SPECIFIC_ROWS).build();
        TrainableModel recording = model();
        MiniBatches.Fit fit = new MiniBatches(rows(ones()), recording, phase, 7).fitAll(recording.graph(), (b, n, r) -> { }, true);
        MultiDataSet last = ((RecordingGraph) recording.graph()).fitted.get(1);
        int[] twice = rowsOf(last);
        assertEquals(2, twice.length);
        assertEquals(twice[0], twice[1]);
        assertEquals(last.getLabels(0).getRow(0), last.getLabels(0).getRow(1));
        assertEquals(GENERAL_ROWS + SPECIFIC_ROWS + 1, fit.samples(), "the row counts once");

        ComputationGraph real = ((RecordingGraph) recording.graph()).trained();
        TrainableModel model = new TrainableModel(real, List.of(), recording.headLayers());
        INDArray before = real.params().dup();
        new MiniBatches(rows(ones()), model, phase, 7).fitAll(real, (b, n, r) -> { }, true);
        assertNotEquals(before, real.params());
    }

    @Test
    void aTaskEveryRowOfWhichCountsFullyGetsNoMask() {
        TrainableModel model = model();
        Phase phase = Phase.named("p").task("general").batchSize(4).build();
        int n = 6;
        Schema schema = new Schema(Schema.numberedFeatures("x", 1, "test"),
                List.of(new Task("specific", List.of("a", "b")), new Task("general", List.of("a", "b", "c"))), List.of(Domains.SOURCE), null);
        float[] ones = new float[n];
        java.util.Arrays.fill(ones, 1f);
        INDArray targets = Nd4j.zeros(DataType.FLOAT, n, 3);
        for (int i = 0; i < n; i++) {
            targets.putScalar(i, i % 3, 1);
        }
        Batch generalOnly = new Batch(schema, Nd4j.zeros(DataType.FLOAT, n, 1), Map.of("general", targets),
                Map.of("general", column(ones)), column(ones));
        new MiniBatches(generalOnly, model, phase, 7).fitAll(model.graph(), (b, count, r) -> { }, true);
        for (MultiDataSet batch : ((RecordingGraph) model.graph()).fitted) {
            assertEquals(null, batch.getLabelsMaskArray(1), "an all-ones mask changes nothing");
            assertEquals(0.0, batch.getLabelsMaskArray(0).sumNumber().doubleValue(), "the specific output is not trained");
        }
    }

    @Test
    void sharesFixEachBatchsMixAndCycleTheSmallerTask() {
        TrainableModel model = model();
        Phase phase = Phase.named("p").task("general").task("specific", 2.0).batchSize(5)
                .rowShares(Map.of("general", 0.6, "specific", 0.4)).build();
        MiniBatches batches = new MiniBatches(rows(ones()), model, phase, 3);
        // general has 11 rows (10 + the row with both labels) at 3 per batch: 4 batches; specific 4 rows at 2 per batch
        assertEquals(4, batches.batchCount());
        batches.fitAll(model.graph(), (b, n, r) -> { }, true);
        int specificDraws = 0;
        for (MultiDataSet batch : ((RecordingGraph) model.graph()).fitted) {
            int[] rows = rowsOf(batch);
            assertEquals(5, rows.length);
            // each task's quota, in the model's output order: specific, then general
            for (int i = 0; i < 2; i++) {
                assertEquals(true, rows[i] >= GENERAL_ROWS, "the first 2 rows are specific: " + java.util.Arrays.toString(rows));
                specificDraws++;
            }
            for (int i = 2; i < 5; i++) {
                assertEquals(true, rows[i] < GENERAL_ROWS || rows[i] == 13, "the last 3 rows are general: " + java.util.Arrays.toString(rows));
            }
        }
        assertEquals(8, specificDraws, "4 specific rows, cycled twice");
    }

    @Test
    void withSharesEachTasksMaskMakesItsLossTheMeanOverItsOwnRowsTimesItsWeight() {
        TrainableModel model = model();
        float[] weights = ones();
        weights[11] = 3f;
        Phase phase = Phase.named("p").task("general").task("specific", 2.0).batchSize(5)
                .rowShares(Map.of("general", 0.6, "specific", 0.4)).build();
        new MiniBatches(rows(weights), model, phase, 3).fitAll(model.graph(), (b, n, r) -> { }, true);
        for (MultiDataSet batch : ((RecordingGraph) model.graph()).fitted) {
            int[] rows = rowsOf(batch);
            float[] specificMask = batch.getLabelsMaskArray(0).toFloatVector();
            float[] generalMask = batch.getLabelsMaskArray(1).toFloatVector();
            long specificRows = java.util.Arrays.stream(rows).filter(r -> r >= GENERAL_ROWS).count();
            long generalRows = java.util.Arrays.stream(rows).filter(r -> r < GENERAL_ROWS || r == 13).count();
            for (int i = 0; i < rows.length; i++) {
                float weight = weights[rows[i]];
                float expectedSpecific = rows[i] >= GENERAL_ROWS ? weight * 2f * 5f / specificRows : 0f;
                float expectedGeneral = rows[i] < GENERAL_ROWS || rows[i] == 13 ? weight * 5f / generalRows : 0f;
                assertEquals(expectedSpecific, specificMask[i], 1e-5, "specific mask of row " + rows[i]);
                assertEquals(expectedGeneral, generalMask[i], 1e-5, "general mask of row " + rows[i]);
            }
        }
    }

    @Test
    void sharesAreRoundedToTheBatchSizeByLargestRemainders() {
        TrainableModel model = model();
        Phase phase = Phase.named("p").task("general").task("specific").batchSize(7)
                .rowShares(Map.of("general", 0.75, "specific", 0.25)).build();
        new MiniBatches(rows(ones()), model, phase, 1).fitAll(model.graph(), (b, n, r) -> { }, true);
        // 7 x 0.75 = 5.25 and 7 x 0.25 = 1.75: floors 5 and 1, the larger remainder gets the 7th row
        int[] first = rowsOf(((RecordingGraph) model.graph()).fitted.get(0));
        assertEquals(7, first.length);
        assertEquals(2, java.util.Arrays.stream(first, 0, 2).filter(r -> r >= GENERAL_ROWS).count());
        assertEquals(5, java.util.Arrays.stream(first, 2, 7).filter(r -> r < GENERAL_ROWS || r == 13).count());
    }
}
