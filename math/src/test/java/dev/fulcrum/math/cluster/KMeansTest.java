package dev.fulcrum.math.cluster;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KMeansTest {

    /** {@code perBlob} points around each of three centres 100 apart, spread 1; point x belongs to blob x % 3. */
    private static double[][] blobs(int perBlob, long seed) {
        double[][] centres = {{0, 0}, {100, 0}, {0, 100}};
        SplittableRandom random = new SplittableRandom(seed);
        double[][] points = new double[3 * perBlob][];
        for (int x = 0; x < points.length; x++) {
            double[] centre = centres[x % 3];
            points[x] = new double[] {centre[0] + random.nextDouble() - 0.5, centre[1] + random.nextDouble() - 0.5};
        }
        return points;
    }

    @Test
    void separatedBlobsBecomeOneClusterEachForEverySeed() {
        for (long seed = 0; seed < 20; seed++) {
            double[][] points = blobs(30, seed);
            KMeans kMeans = KMeans.fit(points, 3, seed);
            int[] clusterOfBlob = {-1, -1, -1};
            for (int x = 0; x < points.length; x++) {
                if (clusterOfBlob[x % 3] < 0) {
                    clusterOfBlob[x % 3] = kMeans.assignment()[x];
                }
                assertEquals(clusterOfBlob[x % 3], kMeans.assignment()[x], "seed " + seed + ", point " + x);
            }
            assertEquals(3, new HashSet<>(java.util.List.of(clusterOfBlob[0], clusterOfBlob[1], clusterOfBlob[2])).size(), "seed " + seed);
            assertArrayEquals(new int[] {30, 30, 30}, kMeans.sizes(), "seed " + seed);
        }
    }

    @Test
    void kMeansPlusPlusSeedsOneCentreInEachBlob() {
        for (long seed = 0; seed < 20; seed++) {
            double[][] centres = KMeans.seeding(blobs(30, 7), 3, new SplittableRandom(seed));
            Set<Long> blobs = new HashSet<>();
            for (double[] centre : centres) {
                blobs.add(Math.round(centre[0] / 100) * 2 + Math.round(centre[1] / 100));
            }
            assertEquals(3, blobs.size(), "seed " + seed);
        }
    }

    @Test
    void theSameSeedGivesTheSameClusters() {
        double[][] points = blobs(20, 3);
        assertArrayEquals(KMeans.fit(points, 5, 11).assignment(), KMeans.fit(points, 5, 11).assignment());
    }

    @Test
    void refusesAKOutsideOneToThePoints() {
        assertEquals("k must be in [1, 3] (the number of points), got 4", assertThrows(IllegalArgumentException.class,
                () -> KMeans.fit(new double[][] {{0}, {1}, {2}}, 4, 0)).getMessage());
    }
}
