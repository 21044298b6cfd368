package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.tune.FloatParameter;
import dev.fulcrum.api.tune.Parameter;
import dev.fulcrum.api.tune.Sampler;
import dev.fulcrum.api.tune.SearchSpace;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.testkit.SamplerContract;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SobolSamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler() {
        return sobol(42, true, 0);
    }

    /** The shift comes from the study's seed, so the first trial is the same whatever its own seed. */
    @Override
    protected boolean drawsFromTheSeed() {
        return false;
    }

    private static Sampler sobol(long studySeed, boolean scramble, int skip) {
        return new SobolSamplerFactory().create(new SobolSamplerParams(scramble, skip), StudyContexts.seeded(studySeed));
    }

    /** Floats in [0, 1): a parameter's value is its coordinate. */
    private static SearchSpace unitCube(int dimensions) {
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < dimensions; i++) {
            parameters.add(new FloatParameter("x" + i, 0, 1, false, null, Map.of()));
        }
        return new SearchSpace(parameters);
    }

    /** The points of a study of {@code count} trials, one row per trial. */
    private static double[][] points(Sampler sampler, SearchSpace space, int count) {
        List<TrialRecord> trials = new ArrayList<>();
        double[][] points = new double[count][];
        for (int n = 0; n < count; n++) {
            Map<String, Object> params = sampler.suggest(space, TWO_OBJECTIVES, trials, trialSeed(0, n));
            points[n] = space.parameters().stream().mapToDouble(p -> (Double) params.get(p.path())).toArray();
            trials.add(complete(n, params, TWO_OBJECTIVES));
        }
        return points;
    }

    @Test
    void thePlainSequenceStartsAtTheLowsThenTheMiddle() {
        double[][] points = points(sobol(0, false, 0), unitCube(3), 3);
        assertEquals(List.of(0.0, 0.0, 0.0), Arrays.stream(points[0]).boxed().toList());
        assertEquals(List.of(0.5, 0.5, 0.5), Arrays.stream(points[1]).boxed().toList());
        assertEquals(Arrays.stream(points[2]).boxed().toList(),
                Arrays.stream(points(sobol(0, false, 2), unitCube(3), 1)[0]).boxed().toList(), "skip 2 starts at point 2");
    }

    /** Sobol's first 2^m points are a (0, m, 2)-net in two dimensions: one point in each of the 2^a x 2^(m-a) cells. */
    @Test
    void theFirst256PointsFillEveryCellOfEveryGridOf256Cells() {
        double[][] points = points(sobol(0, false, 0), unitCube(2), 256);
        for (int a = 0; a <= 8; a++) {
            int columns = 1 << a;
            int rows = 1 << (8 - a);
            int[] count = new int[256];
            for (double[] point : points) {
                count[(int) (point[0] * columns) * rows + (int) (point[1] * rows)]++;
            }
            assertTrue(Arrays.stream(count).allMatch(c -> c == 1), () -> columns + " x " + rows + " cells: " + Arrays.toString(count));
        }
    }

    @Test
    void theShiftKeepsTheEvennessAndBeatsRandomPoints() {
        int dimensions = 5;
        int count = 128;
        double plain = wrapAroundDiscrepancy(points(sobol(0, false, 0), unitCube(dimensions), count));
        double[] random = new double[11];
        for (long studySeed = 0; studySeed < random.length; studySeed++) {
            double[][] shifted = points(sobol(studySeed, true, 0), unitCube(dimensions), count);
            // The wrap-around discrepancy measures the points on the torus, where a shift modulo 1 is a rotation.
            assertEquals(plain, wrapAroundDiscrepancy(shifted), 1e-9, "study seed " + studySeed);
            // Each coordinate alone is still stratified: one point in each interval of 1/128.
            for (int i = 0; i < dimensions; i++) {
                int coordinate = i;
                long cells = Arrays.stream(shifted).mapToInt(p -> (int) (p[coordinate] * count)).distinct().count();
                assertEquals(count, cells, "study seed " + studySeed + ", coordinate " + i);
            }
            SplittableRandom draws = new SplittableRandom(studySeed);
            random[(int) studySeed] = wrapAroundDiscrepancy(IntStream.range(0, count)
                    .mapToObj(n -> draws.doubles(dimensions).toArray()).toArray(double[][]::new));
        }
        Arrays.sort(random);
        double median = random[random.length / 2];
        assertTrue(plain < 0.5 * median, "Sobol " + plain + " against random points' median " + median);
    }

    @Test
    void studySeedsShiftDifferently() {
        assertNotEquals(Arrays.toString(points(sobol(1, true, 0), unitCube(3), 1)[0]),
                Arrays.toString(points(sobol(2, true, 0), unitCube(3), 1)[0]));
    }

    /**
     * Hickernell's wrap-around L2 discrepancy ("A generalized discrepancy and quadrature error bound",
     * Math. Comp. 67, 1998), squared: lower is more even.
     */
    private static double wrapAroundDiscrepancy(double[][] points) {
        int n = points.length;
        int d = points[0].length;
        double sum = 0;
        for (double[] p : points) {
            for (double[] q : points) {
                double product = 1;
                for (int k = 0; k < d; k++) {
                    double gap = Math.abs(p[k] - q[k]);
                    product *= 1.5 - gap * (1 - gap);
                }
                sum += product;
            }
        }
        return sum / ((double) n * n) - Math.pow(4.0 / 3.0, d);
    }
}
