package dev.fulcrum.math.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The hypervolume of a set of points, every objective minimised: the volume of the region that at
 * least one point dominates and that the reference point bounds. It is the "size of the space
 * covered" of Zitzler and Thiele, "Multiobjective optimization using evolutionary algorithms: a
 * comparative case study" (PPSN V, 1998), and grows whenever a point is added that no point of the
 * set dominates.
 *
 * <p>Exact. Two objectives: one sweep in order of the first objective, O(n log n) for n points.
 * More: the slicing of HSO (While, Hingston, Barone and Huband, "A faster algorithm for calculating
 * hypervolume", IEEE TEC 10(1), 2006): cut the space at each point's value of the
 * first objective, and add each slice's depth times the hypervolume, one objective fewer, of the
 * points whose first value is at most the slice's start. Without HSO's removal of dominated points
 * per slice this costs O(n^(m-1) log n) for m objectives, which the fronts of a study (tens of
 * points, two or three objectives) afford.
 */
public final class Hypervolume {

    private Hypervolume() {
    }

    /**
     * @param points    each a point with one value per objective, minimised
     * @param reference the bound of the region, one value per objective; a point that is not
     *                  better than it on every objective adds nothing
     */
    public static double of(double[][] points, double[] reference) {
        if (reference.length == 0) {
            throw new IllegalArgumentException("a reference point needs at least one objective");
        }
        List<double[]> inside = new ArrayList<>();
        for (double[] point : points) {
            if (point.length != reference.length) {
                throw new IllegalArgumentException("a point of " + point.length + " objectives against a reference of "
                        + reference.length);
            }
            if (strictlyBetter(point, reference)) {
                inside.add(point);
            }
        }
        return volume(inside.toArray(double[][]::new), reference, 0);
    }

    private static boolean strictlyBetter(double[] point, double[] reference) {
        for (int m = 0; m < point.length; m++) {
            if (!(point[m] < reference[m])) {
                return false;
            }
        }
        return true;
    }

    /** The hypervolume of {@code points} in the objectives from {@code first} on. */
    private static double volume(double[][] points, double[] reference, int first) {
        if (points.length == 0) {
            return 0;
        }
        int left = reference.length - first;
        if (left == 1) {
            double best = reference[first];
            for (double[] point : points) {
                best = Math.min(best, point[first]);
            }
            return reference[first] - best;
        }
        double[][] sorted = points.clone();
        Arrays.sort(sorted, Comparator.comparingDouble((double[] point) -> point[first])
                .thenComparingDouble(point -> point[first + 1]));
        if (left == 2) {
            return sweep(sorted, reference, first);
        }
        double total = 0;
        for (int i = 0; i < sorted.length; i++) {
            double end = i + 1 < sorted.length ? sorted[i + 1][first] : reference[first];
            double depth = end - sorted[i][first];
            if (depth > 0) {
                total += depth * volume(Arrays.copyOf(sorted, i + 1), reference, first + 1);
            }
        }
        return total;
    }

    /** Two objectives, points in increasing order of the first: each adds the strip below the best second value so far. */
    private static double sweep(double[][] sorted, double[] reference, int first) {
        double area = 0;
        double bestSecond = reference[first + 1];
        for (double[] point : sorted) {
            if (point[first + 1] < bestSecond) {
                area += (reference[first] - point[first]) * (bestSecond - point[first + 1]);
                bestSecond = point[first + 1];
            }
        }
        return area;
    }
}
