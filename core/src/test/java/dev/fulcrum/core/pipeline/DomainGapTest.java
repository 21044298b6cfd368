package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainGapTest {

    private static final int ROWS = 1000;

    /**
     * Source rows ~ N(0, I) and target rows ~ N(mu, I) in 2 dimensions; source rows whose index is
     * odd are instead drawn around {@code oddOffset}, target rows use {@code targetScale} on their
     * covariance.
     */
    private static Dataset twoDomains(double[] mu, double targetScale, double oddOffset, float[] sourceWeights) {
        SplittableRandom random = new SplittableRandom(3);
        float[] features = new float[2 * 2 * ROWS];
        int[] domains = new int[2 * ROWS];
        float[] weights = new float[2 * ROWS];
        for (int row = 0; row < 2 * ROWS; row++) {
            boolean target = row >= ROWS;
            domains[row] = target ? 1 : 0;
            weights[row] = target ? 1 : sourceWeights[row % sourceWeights.length];
            for (int j = 0; j < 2; j++) {
                double x = random.nextGaussian();
                features[2 * row + j] = (float) (target ? mu[j] + targetScale * x : x + (row % 2 == 1 ? oddOffset : 0));
            }
        }
        Schema schema = new Schema(Schema.numberedFeatures("x", 2, "test"), List.of(new Task("specific", List.of("a", "b"))),
                List.of(Domains.SOURCE, Domains.TARGET), null);
        return Dataset.builder(schema, Nd4j.create(features, new long[] {2 * ROWS, 2}, DataType.FLOAT))
                .domains(domains).weights(weights).build();
    }

    @Test
    void sameDistributionShowsNoGap() {
        DomainGap gap = DomainGap.measure(twoDomains(new double[] {0, 0}, 1, 0, new float[] {1}), 1).orElseThrow();
        assertEquals(ROWS, gap.rowsPerDomain());
        assertTrue(gap.covarianceDistance() < 0.08, gap.toString());
        assertTrue(gap.mmdLinear() < 0.01, gap.toString());
        assertTrue(Math.abs(gap.mmdRbf()) < 0.005, gap.toString());
        assertEquals(0.5, gap.domainClassifierAccuracy(), 0.05);
    }

    /**
     * Equal covariances and means 2 apart: the linear MMD is |mu|^2 = 4, and the best classifier's
     * accuracy is Phi(|mu| / 2) = Phi(1) = 0.841.
     */
    @Test
    void meanShiftMatchesClosedForms() {
        DomainGap gap = DomainGap.measure(twoDomains(new double[] {2, 0}, 1, 0, new float[] {1}), 1).orElseThrow();
        assertEquals(4, gap.mmdLinear(), 0.3);
        assertEquals(0.841, gap.domainClassifierAccuracy(), 0.03);
        assertTrue(gap.covarianceDistance() < 0.08, gap.toString());
        assertTrue(gap.mmdRbf() > 0.2, gap.toString());
    }

    /** A target covariance of 4 I against I: the covariance distance is (3 + 3 + 0 + 0) / 4 = 1.5. */
    @Test
    void covarianceShiftMatchesClosedForm() {
        DomainGap gap = DomainGap.measure(twoDomains(new double[] {0, 0}, 2, 0, new float[] {1}), 1).orElseThrow();
        assertEquals(1.5, gap.covarianceDistance(), 0.2);
        assertTrue(gap.mmdLinear() < 0.05, gap.toString());
        assertTrue(gap.mmdRbf() > 0.05, gap.toString());
    }

    /** Half the source rows sit 5 away from the target; weighting them 0 closes the gap, since weights count. */
    @Test
    void sampleWeightsCount() {
        DomainGap unweighted = DomainGap.measure(twoDomains(new double[] {0, 0}, 1, 5, new float[] {1}), 1).orElseThrow();
        DomainGap weighted = DomainGap.measure(twoDomains(new double[] {0, 0}, 1, 5, new float[] {1, 0}), 1).orElseThrow();
        assertTrue(unweighted.mmdLinear() > 10, unweighted.toString());
        assertTrue(unweighted.domainClassifierAccuracy() > 0.7, unweighted.toString());
        assertTrue(weighted.mmdLinear() < 0.05, weighted.toString());
        assertTrue(weighted.covarianceDistance() < 0.15, weighted.toString());
        assertTrue(Math.abs(weighted.mmdRbf()) < 0.01, weighted.toString());
        assertEquals(0.5, weighted.domainClassifierAccuracy(), 0.06);
    }

    @Test
    void noTargetDomainNoGap() {
        Dataset data = twoDomains(new double[] {0, 0}, 1, 0, new float[] {1});
        Dataset sourceOnly = Dataset.builder(data.schema().withDomains(List.of(Domains.SOURCE, "other")), data.features())
                .domains(data.domains()).build();
        assertTrue(DomainGap.measure(sourceOnly, 1).isEmpty());
    }

    @Test
    void sameSeedSameFigures() {
        Dataset data = twoDomains(new double[] {1, 0}, 1.5, 0, new float[] {1});
        assertEquals(DomainGap.measure(data, 9), DomainGap.measure(data, 9));
    }
}
