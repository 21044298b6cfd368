package dev.fulcrum.math.pareto;

import java.util.ArrayList;
import java.util.List;

/**
 * Sorts points into Pareto fronts, every objective minimised: front 0 holds the points no other
 * point dominates, front 1 those dominated only by front 0, and so on. This is the fast
 * non-dominated sort of Deb et al., "A fast and elitist multiobjective genetic algorithm: NSGA-II"
 * (IEEE TEC 6(2), 2002), section III-A: O(M N^2) comparisons for N points and M objectives.
 */
public final class NonDominatedSort {

    private NonDominatedSort() {
    }

    /** Whether {@code a} dominates {@code b}: no worse on every objective and better on one. */
    public static boolean dominates(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("points of " + a.length + " and " + b.length + " objectives");
        }
        boolean better = false;
        for (int m = 0; m < a.length; m++) {
            if (a[m] > b[m]) {
                return false;
            }
            better |= a[m] < b[m];
        }
        return better;
    }

    /** The fronts, each a list of indexes into {@code points} in increasing order. */
    public static List<List<Integer>> fronts(double[][] points) {
        int n = points.length;
        List<List<Integer>> dominated = new ArrayList<>(n);
        int[] dominatedBy = new int[n];
        for (int i = 0; i < n; i++) {
            dominated.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (dominates(points[i], points[j])) {
                    dominated.get(i).add(j);
                    dominatedBy[j]++;
                } else if (dominates(points[j], points[i])) {
                    dominated.get(j).add(i);
                    dominatedBy[i]++;
                }
            }
        }
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (dominatedBy[i] == 0) {
                current.add(i);
            }
        }
        List<List<Integer>> fronts = new ArrayList<>();
        while (!current.isEmpty()) {
            fronts.add(current);
            List<Integer> next = new ArrayList<>();
            for (int i : current) {
                for (int j : dominated.get(i)) {
                    if (--dominatedBy[j] == 0) {
                        next.add(j);
                    }
                }
            }
            next.sort(null);
            current = next;
        }
        return fronts;
    }

    /** Each point's front number (0 for the non-dominated points). */
    public static int[] ranks(double[][] points) {
        int[] ranks = new int[points.length];
        List<List<Integer>> fronts = fronts(points);
        for (int f = 0; f < fronts.size(); f++) {
            for (int i : fronts.get(f)) {
                ranks[i] = f;
            }
        }
        return ranks;
    }
}
