package dev.fulcrum.plugins.synthetic;

import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticGeneratorTest {

    private static SyntheticParams params(Double bias, Double shift) {
        return new SyntheticParams(4000, 6, null, null, null, shift, bias, 0.0, null);
    }

    @Test
    void sameSeedSameRowsOtherSeedOtherRows() {
        SyntheticGenerator generator = new SyntheticGenerator(params(null, null));
        Dataset a = generator.generate(11);
        Dataset b = generator.generate(11);
        assertEquals(a.features(), b.features());
        assertArrayEquals(a.labels(Tasks.SPECIFIC), b.labels(Tasks.SPECIFIC));
        assertArrayEquals(a.labels(Tasks.GENERAL), b.labels(Tasks.GENERAL));
        assertNotEquals(a.features(), generator.generate(12).features());
    }

    @Test
    void eachRowCarriesOneTaskAndOnlySpecificRowsComeFromTheTarget() {
        Dataset data = new SyntheticGenerator(params(null, null)).generate(3);
        assertEquals(List.of(Domains.SOURCE, Domains.TARGET), data.schema().domains());
        int[] specific = data.labels(Tasks.SPECIFIC);
        int[] general = data.labels(Tasks.GENERAL);
        int[] domains = data.domains();
        int target = 0;
        for (int row = 0; row < data.rows(); row++) {
            assertTrue((specific[row] == Dataset.NO_LABEL) != (general[row] == Dataset.NO_LABEL), "row " + row);
            if (domains[row] == 1) {
                target++;
                assertNotEquals(Dataset.NO_LABEL, specific[row]);
            }
        }
        double specificRows = java.util.Arrays.stream(specific).filter(l -> l != Dataset.NO_LABEL).count();
        assertEquals(0.3, target / specificRows, 0.05);
        assertEquals(0.5, specificRows / data.rows(), 0.05);
    }

    @Test
    void biasLowersGroupBsPositiveRateAndZeroBiasRemovesMostOfTheGap() {
        double biasedGap = positiveRateGap(new SyntheticGenerator(params(2.0, null)).generate(5));
        double fairGap = positiveRateGap(new SyntheticGenerator(params(0.0, null)).generate(5));
        assertTrue(biasedGap > 0.12, "gap with bias: " + biasedGap);
        assertTrue(fairGap < biasedGap / 2, "gap without bias: " + fairGap);
    }

    @Test
    void targetRowsAreShiftedSourceRowsAreNot() {
        Dataset data = new SyntheticGenerator(params(null, 2.0)).generate(8);
        double[] means = new double[2];
        int[] counts = new int[2];
        float[][] x = data.features().toFloatMatrix();
        int[] domains = data.domains();
        for (int row = 0; row < data.rows(); row++) {
            means[domains[row]] += x[row][0];
            counts[domains[row]]++;
        }
        assertEquals(0.0, means[0] / counts[0], 0.1);
        assertTrue(Math.abs(means[1] / counts[1]) > 0.5, "target mean of x0: " + means[1] / counts[1]);
    }

    /** Positive rate of group a minus that of group b, over specific rows. */
    private static double positiveRateGap(Dataset data) {
        int[] labels = data.labels(Tasks.SPECIFIC);
        String[] groups = data.sensitive().get("group");
        double[] positives = new double[2];
        double[] totals = new double[2];
        for (int row = 0; row < data.rows(); row++) {
            if (labels[row] == Dataset.NO_LABEL) {
                continue;
            }
            int g = groups[row].equals("a") ? 0 : 1;
            positives[g] += labels[row];
            totals[g]++;
        }
        return positives[0] / totals[0] - positives[1] / totals[1];
    }
}
