package dev.fulcrum.core.train;

import dev.fulcrum.api.augment.Batch;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.api.train.Phase;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.SplittableRandom;

/** One epoch's rows, shuffled and cut into mini-batches with one label array and mask per model output. */
final class MiniBatches {

    /** Called after each mini-batch with the number done and the total. */
    interface Listener {
        void done(int batch, int batches);
    }

    private final Batch rows;
    private final TrainableModel model;
    private final Phase phase;
    private final int[] order;

    MiniBatches(Batch rows, TrainableModel model, Phase phase, long seed) {
        this.rows = rows;
        this.model = model;
        this.phase = phase;
        this.order = shuffled(rows.rows(), new SplittableRandom(seed));
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** Fits every mini-batch; returns the mean training loss, weighted by batch size. */
    double fitAll(ComputationGraph graph, Listener listener) {
        int batchSize = phase.batchSize();
        int batches = (order.length + batchSize - 1) / batchSize;
        double lossSum = 0;
        for (int b = 0; b < batches; b++) {
            int from = b * batchSize;
            int[] indices = java.util.Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
            graph.fit(batch(indices));
            lossSum += graph.score() * indices.length;
            listener.done(b + 1, batches);
        }
        return order.length == 0 ? Double.NaN : lossSum / order.length;
    }

    private MultiDataSet batch(int[] indices) {
        INDArray weights = Nd4j.pullRows(rows.weights(), 1, indices);
        List<String> outputs = model.outputs();
        INDArray[] labels = new INDArray[outputs.size()];
        INDArray[] masks = new INDArray[outputs.size()];
        for (int o = 0; o < outputs.size(); o++) {
            String task = outputs.get(o);
            Double lossWeight = phase.taskWeights().get(task);
            if (lossWeight == null) {
                int classes = rows.schema().task(task).orElseThrow().classCount();
                labels[o] = Nd4j.zeros(DataType.FLOAT, indices.length, classes);
                masks[o] = Nd4j.zeros(DataType.FLOAT, indices.length, 1);
            } else {
                labels[o] = Nd4j.pullRows(rows.target(task), 1, indices);
                masks[o] = Nd4j.pullRows(rows.mask(task), 1, indices).muli(weights).muli(lossWeight);
            }
        }
        return new MultiDataSet(new INDArray[] {Nd4j.pullRows(rows.features(), 1, indices)}, labels, null, masks);
    }
}
