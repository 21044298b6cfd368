package dev.fulcrum.math.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means (Lloyd's iterations) with k-means++ seeding (Arthur, Vassilvitskii 2007, "k-means++: The Advantages of
 * Careful Seeding", SODA, Section 2.2: each next centre drawn with probability proportional to D(x)^2, the squared
 * distance to the nearest centre chosen so far). Seeded: the same points, k and seed give the same clusters.
 *
 * @param centres k centres, one row each
 * @param assignment the cluster of each point, in {@code [0, k)}
 */
public record KMeans(double[][] centres, int[] assignment) {

    private static final int MAX_ITERATIONS = 100;

    /**
     * @throws IllegalArgumentException where k is not in {@code [1, points]} or the points differ in length
     */
    public static KMeans fit(double[][] points, int k, long seed) {
        int n = points.length;
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, " + n + "] (the number of points), got " + k);
        }
        int d = points[0].length;
        for (double[] point : points) {
            if (point.length != d) {
                throw new IllegalArgumentException("points of " + point.length + " and " + d + " dimensions");
            }
        }
        double[][] centres = seeding(points, k, new SplittableRandom(seed));
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean changed = false;
            for (int x = 0; x < n; x++) {
                int nearest = nearest(points[x], centres);
                changed |= nearest != assignment[x];
                assignment[x] = nearest;
            }
            if (!changed) {
                break;
            }
            double[][] sums = new double[k][d];
            int[] sizes = new int[k];
            for (int x = 0; x < n; x++) {
                sizes[assignment[x]]++;
                for (int c = 0; c < d; c++) {
                    sums[assignment[x]][c] += points[x][c];
                }
            }
            for (int j = 0; j < k; j++) {
                if (sizes[j] > 0) {
                    for (int c = 0; c < d; c++) {
                        centres[j][c] = sums[j][c] / sizes[j];
                    }
                }
            }
        }
        return new KMeans(centres, assignment);
    }

    /** The number of points in each cluster. */
    public int[] sizes() {
        int[] sizes = new int[centres.length];
        for (int cluster : assignment) {
            sizes[cluster]++;
        }
        return sizes;
    }

    static double[][] seeding(double[][] points, int k, SplittableRandom random) {
        int n = points.length;
        double[][] centres = new double[k][];
        centres[0] = points[random.nextInt(n)].clone();
        double[] distance = new double[n];
        for (int x = 0; x < n; x++) {
            distance[x] = squaredDistance(points[x], centres[0]);
        }
        for (int j = 1; j < k; j++) {
            double total = 0;
            for (double value : distance) {
                total += value;
            }
            int chosen;
            if (total == 0) {
                // Every point sits on a centre already: any point will do.
                chosen = random.nextInt(n);
            } else {
                double target = random.nextDouble() * total;
                chosen = n - 1;
                double cumulative = 0;
                for (int x = 0; x < n; x++) {
                    cumulative += distance[x];
                    if (cumulative > target) {
                        chosen = x;
                        break;
                    }
                }
            }
            centres[j] = points[chosen].clone();
            for (int x = 0; x < n; x++) {
                distance[x] = Math.min(distance[x], squaredDistance(points[x], centres[j]));
            }
        }
        return centres;
    }

    private static int nearest(double[] point, double[][] centres) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int j = 0; j < centres.length; j++) {
            double distance = squaredDistance(point, centres[j]);
            if (distance < bestDistance) {
                best = j;
                bestDistance = distance;
            }
        }
        return best;
    }

    static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int c = 0; c < a.length; c++) {
            double diff = a[c] - b[c];
            sum += diff * diff;
        }
        return sum;
    }
}
