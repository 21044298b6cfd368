package dev.fulcrum.core.compare;

import dev.fulcrum.math.pareto.NonDominatedSort;

import java.util.List;

/**
 * Which runs are non-dominated on the specific-vs-general plane, both accuracies maximised: no other
 * run is at least as good on both sides and better on one. Runs that tie are both kept.
 */
public final class BalanceFront {

    private BalanceFront() {
    }

    /** For each (specific, general) point, whether it is on the front. */
    public static boolean[] nonDominated(List<double[]> points) {
        double[][] minimised = new double[points.size()][];
        for (int i = 0; i < minimised.length; i++) {
            double[] point = points.get(i);
            minimised[i] = new double[point.length];
            for (int m = 0; m < point.length; m++) {
                minimised[i][m] = -point[m];
            }
        }
        int[] ranks = NonDominatedSort.ranks(minimised);
        boolean[] front = new boolean[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            front[i] = ranks[i] == 0;
        }
        return front;
    }
}
