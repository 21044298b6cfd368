package dev.fulcrum.plugins.fairnessmitigation;

import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.mitigate.PreTrainingMitigator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReweighingTest {

    /**
     * Group a: 3 positives, 1 negative; group b: 1 positive, 3 negatives; all weights 1. W = 8,
     * W_a = W_b = 4, W_pos = W_neg = 4: w(a, pos) = 4 * 4 / (8 * 3) = 2/3, w(a, neg) = 16 / 8 = 2,
     * w(b, pos) = 2, w(b, neg) = 2/3.
     */
    @Test
    void weightsFollowKamiranAndCalders() {
        int[] labels = {1, 1, 1, 0, 1, 0, 0, 0};
        String[] groups = {"a", "a", "a", "a", "b", "b", "b", "b"};
        Dataset data = Rowsets.binary(new float[8][1], labels).sensitive("g", groups)
                .partitions(Rowsets.all(8, Partition.TRAIN)).build();
        float[] weights = new Reweighing(new ReweighingParams(null, null)).apply(data).data().weights();
        float[] expected = {2f / 3, 2f / 3, 2f / 3, 2, 2, 2f / 3, 2f / 3, 2f / 3};
        for (int i = 0; i < 8; i++) {
            assertEquals(expected[i], weights[i], 1e-6, "row " + i);
        }
    }

    @Test
    void intersectionalGroupsGetEqualLabelRatesAndTheTotalWeightStays() {
        SplittableRandom random = new SplittableRandom(4);
        int n = 3000;
        int[] labels = new int[n];
        String[] sex = new String[n];
        String[] race = new String[n];
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            sex[i] = random.nextDouble() < 0.4 ? "f" : "m";
            race[i] = random.nextDouble() < 0.3 ? "x" : random.nextDouble() < 0.5 ? "y" : "z";
            double rate = (sex[i].equals("m") ? 0.5 : 0.25) + (race[i].equals("x") ? -0.15 : 0.1);
            labels[i] = random.nextDouble() < rate ? 1 : 0;
            weights[i] = (float) (0.5 + random.nextDouble());
        }
        Partition[] partitions = new Partition[n];
        for (int i = 0; i < n; i++) {
            partitions[i] = i % 5 == 0 ? Partition.TEST : Partition.TRAIN;
        }
        Dataset data = Rowsets.binary(new float[n][1], labels).sensitive("sex", sex).sensitive("race", race)
                .weights(weights).partitions(partitions).build();
        PreTrainingMitigator.Mitigated result = new Reweighing(new ReweighingParams(null, null)).apply(data);
        float[] reweighed = result.data().weights();

        double totalBefore = 0;
        double totalAfter = 0;
        Map<String, double[]> byGroup = new java.util.TreeMap<>();
        double positive = 0;
        for (int i = 0; i < n; i++) {
            if (partitions[i] != Partition.TRAIN) {
                assertEquals(weights[i], reweighed[i], "rows outside training keep their weights");
                continue;
            }
            totalBefore += weights[i];
            totalAfter += reweighed[i];
            double[] sums = byGroup.computeIfAbsent(sex[i] + race[i], k -> new double[2]);
            sums[0] += reweighed[i];
            sums[1] += labels[i] == 1 ? reweighed[i] : 0;
            positive += labels[i] == 1 ? weights[i] : 0;
        }
        assertEquals(totalBefore, totalAfter, 1e-3 * totalBefore);
        assertEquals(6, byGroup.size());
        for (double[] sums : byGroup.values()) {
            assertEquals(positive / totalBefore, sums[1] / sums[0], 1e-5);
        }
        assertEquals(0.0, (double) result.report().get("label_parity_difference_after"), 1e-6);
        assertEquals(List.of("sex", "race"), result.report().get("attributes"));
    }

    @Test
    void onlyTheSpecificTasksTrainingRowsChange() {
        int[] labels = {1, 0, 1, 0, Dataset.NO_LABEL, 1};
        Partition[] partitions = {Partition.TRAIN, Partition.TRAIN, Partition.TRAIN, Partition.TRAIN, Partition.TRAIN,
                Partition.VALIDATION};
        Dataset data = Rowsets.binary(new float[6][1], labels).sensitive("g", new String[] {"a", "a", "b", "b", "b", "a"})
                .weights(new float[] {1, 1, 1, 1, 3, 5}).partitions(partitions).build();
        float[] weights = new Reweighing(new ReweighingParams(null, null)).apply(data).data().weights();
        assertEquals(3f, weights[4]);
        assertEquals(5f, weights[5]);
        assertEquals(Tasks.SPECIFIC, data.schema().taskNames().get(0));
    }
}
