package dev.fulcrum.plugins.samplers.tpe;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The hypervolume of points to minimise: the measure of the region they dominate below a
 * reference point, by slicing objectives (While, Hingston, Barone and Huband, "A faster algorithm
 * for calculating hypervolume", IEEE TEC 10(1), 2006), with a sweep for two objectives. Exact and
 * fine for the few dozen points MOTPE's good group holds.
 */
final class Hypervolume {

    private Hypervolume() {
    }

    static double of(List<double[]> points, double[] reference) {
        double[][] inside = points.stream().filter(p -> below(p, reference)).toArray(double[][]::new);
        return sliced(inside, reference, reference.length);
    }

    private static boolean below(double[] point, double[] reference) {
        for (int m = 0; m < reference.length; m++) {
            if (!(point[m] < reference[m])) {
                return false;
            }
        }
        return true;
    }

    /** The hypervolume in the first {@code dimensions} objectives of points all below the reference. */
    private static double sliced(double[][] points, double[] reference, int dimensions) {
        if (points.length == 0) {
            return 0;
        }
        if (dimensions == 1) {
            return reference[0] - Arrays.stream(points).mapToDouble(p -> p[0]).min().orElseThrow();
        }
        if (dimensions == 2) {
            double[][] byFirst = points.clone();
            Arrays.sort(byFirst, Comparator.comparingDouble(p -> p[0]));
            double volume = 0;
            double lowestSecond = reference[1];
            for (double[] point : byFirst) {
                if (point[1] < lowestSecond) {
                    volume += (reference[0] - point[0]) * (lowestSecond - point[1]);
                    lowestSecond = point[1];
                }
            }
            return volume;
        }
        int last = dimensions - 1;
        double[][] byLast = points.clone();
        Arrays.sort(byLast, Comparator.comparingDouble(p -> p[last]));
        double volume = 0;
        for (int i = 0; i < byLast.length; i++) {
            double top = i + 1 < byLast.length ? byLast[i + 1][last] : reference[last];
            double depth = top - byLast[i][last];
            if (depth > 0) {
                volume += depth * sliced(Arrays.copyOf(byLast, i + 1), reference, last);
            }
        }
        return volume;
    }
}
