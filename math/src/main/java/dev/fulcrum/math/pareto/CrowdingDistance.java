package dev.fulcrum.math.pareto;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How much room each point of one front has around it: the crowding distance of Deb et al., "A fast
 * and elitist multiobjective genetic algorithm: NSGA-II" (IEEE TEC 6(2), 2002), section III-B. Per
 * objective the points are sorted; the two boundary points get an infinite distance, every other
 * point the gap between its two neighbours divided by the objective's range, summed over the
 * objectives. Larger is lonelier, so NSGA-II prefers it to keep the front spread out.
 */
public final class CrowdingDistance {

    private CrowdingDistance() {
    }

    /**
     * The distance of each point of {@code front} (all of one front, every objective minimised or
     * all maximised: the distance does not depend on the direction). The points of a front of one
     * or two are all boundaries. An objective on which every point of a larger front has the same
     * value has no boundary and adds nothing, so that ties do not make arbitrary points boundaries.
     * Equal values are ordered by index, so equal inputs give equal outputs.
     */
    public static double[] of(double[][] front) {
        int n = front.length;
        int objectives = n == 0 ? 0 : front[0].length;
        for (double[] point : front) {
            if (point.length != objectives) {
                throw new IllegalArgumentException("points of " + objectives + " and " + point.length + " objectives");
            }
        }
        double[] distance = new double[n];
        if (n <= 2) {
            Arrays.fill(distance, Double.POSITIVE_INFINITY);
            return distance;
        }
        for (int m = 0; m < objectives; m++) {
            int objective = m;
            Integer[] order = new Integer[n];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> front[i][objective]).thenComparingInt(i -> i));
            double low = front[order[0]][objective];
            double high = front[order[n - 1]][objective];
            if (!(high > low)) {
                continue;
            }
            distance[order[0]] = Double.POSITIVE_INFINITY;
            distance[order[n - 1]] = Double.POSITIVE_INFINITY;
            for (int k = 1; k < n - 1; k++) {
                distance[order[k]] += (front[order[k + 1]][objective] - front[order[k - 1]][objective]) / (high - low);
            }
        }
        return distance;
    }
}
