package dev.fulcrum.core.representation;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.math.random.RandomArrays;
import dev.fulcrum.runtime.Seeds;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Rows of a run's prepared data that an inspection measures: one task's labelled rows of one partition, at most
 * {@code maxRows} of them (a sample seeded by the run's seed, task and partition, in row order).
 *
 * @param rows   each row's number in the run's prepared rows (the order its data sources gave them)
 * @param labels each row's class for the task
 */
public record RowSample(String task, Partition partition, int[] rows, int[] labels) {

    public static RowSample of(Dataset data, String task, Partition partition, int maxRows, long runSeed) {
        String stream = "inspect/" + task + "/" + partition.name();
        int[] rows = RandomArrays.sample(data.labelledRows(task, partition), maxRows, new SplittableRandom(Seeds.derive(runSeed, stream)));
        int[] labels = data.labels(task);
        return new RowSample(task, partition, rows, Arrays.stream(rows).map(row -> labels[row]).toArray());
    }

    /** {@code task-partition}, as exports name the sample's files. */
    public String name() {
        return task + "-" + partition.name().toLowerCase(Locale.ROOT);
    }

    public boolean isEmpty() {
        return rows.length == 0;
    }

    /** The sample's rows of the prepared features, the network's input. */
    public INDArray features(Dataset data) {
        return Nd4j.pullRows(data.features(), 1, rows);
    }
}
