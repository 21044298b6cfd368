package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.core.config.SplitConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Assigns rows to train, validation and test, stratified by every task's label and the domain, so
 * small classes keep their share in each split. Rows a source already placed keep their place,
 * except that a {@code validation} share of rows marked for training is held out.
 */
public final class Splitter {

    private Splitter() {
    }

    public static Dataset split(Dataset data, SplitConfig config, long seed) {
        Partition[] partitions = data.partitions();
        Map<String, List<Integer>> strata = new LinkedHashMap<>();
        List<int[]> labels = data.schema().taskNames().stream().map(data::labels).toList();
        int[] domains = data.domains();
        for (int row = 0; row < data.rows(); row++) {
            if (partitions[row] != Partition.UNASSIGNED && partitions[row] != Partition.TRAIN) {
                continue;
            }
            StringBuilder key = new StringBuilder().append(partitions[row]).append('/').append(domains[row]);
            for (int[] taskLabels : labels) {
                key.append('/').append(taskLabels[row]);
            }
            strata.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(row);
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (List<Integer> rows : strata.values()) {
            shuffle(rows, random);
            boolean unassigned = partitions[rows.get(0)] == Partition.UNASSIGNED;
            int test = unassigned ? (int) Math.round(rows.size() * config.test()) : 0;
            int validation = (int) Math.round(rows.size() * config.validation());
            for (int i = 0; i < rows.size(); i++) {
                partitions[rows.get(i)] = i < test ? Partition.TEST : i < test + validation ? Partition.VALIDATION : Partition.TRAIN;
            }
        }
        Dataset split = data.withPartitions(partitions);
        return hideTargetLabels(split, config.targetLabelled(), random);
    }

    /** Target-domain rows keep their training and validation labels only for the configured fraction. */
    private static Dataset hideTargetLabels(Dataset data, double keep, SplittableRandom random) {
        int target = data.schema().domains().indexOf(Domains.TARGET);
        if (target < 0 || keep >= 1) {
            return data;
        }
        int[] domains = data.domains();
        boolean[] hidden = new boolean[data.rows()];
        for (int row = 0; row < data.rows(); row++) {
            Partition partition = data.partition(row);
            hidden[row] = domains[row] == target && partition != Partition.TEST && random.nextDouble() >= keep;
        }
        Dataset result = data;
        for (String task : data.schema().taskNames()) {
            int[] labels = data.labels(task);
            for (int row = 0; row < labels.length; row++) {
                if (hidden[row]) {
                    labels[row] = Dataset.NO_LABEL;
                }
            }
            result = result.withLabels(task, labels);
        }
        return result;
    }

    private static void shuffle(List<Integer> rows, SplittableRandom random) {
        for (int i = rows.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer swap = rows.get(i);
            rows.set(i, rows.get(j));
            rows.set(j, swap);
        }
    }
}
