package dev.fulcrum.core.train;

import dev.fulcrum.api.augment.Batch;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.api.train.DomainAdversary;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The training rows of a phase as one {@link Batch}: one-hot targets, label masks and weights. */
final class TrainingRows {

    private TrainingRows() {
    }

    /** Training rows labelled for at least one of the tasks, in row order. */
    static Batch of(Dataset data, Collection<String> tasks) {
        int[][] labelsByTask = tasks.stream().map(data::labels).toArray(int[][]::new);
        int[] rows = Arrays.stream(data.rowsIn(Partition.TRAIN)).filter(row -> labelledForAny(labelsByTask, row)).toArray();
        return batch(data, tasks, rows, data.schema());
    }

    /**
     * Every training row, labelled or not, for domain-adversarial training: the tasks' targets where
     * a row is labelled, and each row's domain as the target of {@link DomainAdversary#OUTPUT}, a
     * task whose classes are the domains.
     */
    static Batch adversarial(Dataset data, Collection<String> tasks) {
        int[] rows = data.rowsIn(Partition.TRAIN);
        Task domainTask = new Task(DomainAdversary.OUTPUT, data.schema().domains());
        List<Task> batchTasks = new ArrayList<>(data.schema().tasks());
        batchTasks.add(domainTask);
        Batch batch = batch(data, tasks, rows, data.schema().withTasks(batchTasks));
        int[] allDomains = data.domains();
        int classes = domainTask.classCount();
        float[] oneHot = new float[rows.length * classes];
        for (int i = 0; i < rows.length; i++) {
            oneHot[i * classes + allDomains[rows[i]]] = 1f;
        }
        Map<String, INDArray> targets = new LinkedHashMap<>();
        Map<String, INDArray> masks = new LinkedHashMap<>();
        batch.tasks().forEach(task -> {
            targets.put(task, batch.target(task));
            masks.put(task, batch.mask(task));
        });
        targets.put(DomainAdversary.OUTPUT, Nd4j.create(oneHot, new long[] {rows.length, classes}, DataType.FLOAT));
        masks.put(DomainAdversary.OUTPUT, Nd4j.ones(DataType.FLOAT, rows.length, 1));
        return batch.withRows(batch.features(), targets, masks, batch.weights());
    }

    private static Batch batch(Dataset data, Collection<String> tasks, int[] rows, Schema schema) {
        Map<String, INDArray> targets = new LinkedHashMap<>();
        Map<String, INDArray> masks = new LinkedHashMap<>();
        for (String name : tasks) {
            Task task = data.schema().task(name).orElseThrow();
            int[] labels = data.labels(name);
            float[] oneHot = new float[rows.length * task.classCount()];
            float[] mask = new float[rows.length];
            for (int i = 0; i < rows.length; i++) {
                int label = labels[rows[i]];
                if (label != Dataset.NO_LABEL) {
                    oneHot[i * task.classCount() + label] = 1f;
                    mask[i] = 1f;
                }
            }
            targets.put(name, Nd4j.create(oneHot, new long[] {rows.length, task.classCount()}, DataType.FLOAT));
            masks.put(name, Nd4j.create(mask, new long[] {rows.length, 1}, DataType.FLOAT));
        }
        float[] allWeights = data.weights();
        float[] weights = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            weights[i] = allWeights[rows[i]];
        }
        INDArray features = rows.length == 0
                ? Nd4j.create(DataType.FLOAT, 0, data.schema().featureCount())
                : Nd4j.pullRows(data.features(), 1, rows);
        return new Batch(schema, features, targets, masks,
                Nd4j.create(weights, new long[] {rows.length, 1}, DataType.FLOAT));
    }

    private static boolean labelledForAny(int[][] labelsByTask, int row) {
        for (int[] labels : labelsByTask) {
            if (labels[row] != Dataset.NO_LABEL) {
                return true;
            }
        }
        return false;
    }
}
