package dev.fulcrum.plugins.fairnessmitigation;

/**
 * One group's validation rows as candidate thresholds: their distinct scores in descending order
 * and, for selecting the rows of the top k score levels (k = 0 .. levels), the weight selected and
 * the weight of true positives among it.
 */
final class GroupScores {

    private final double[] levels;
    private final double[] selected;
    private final double[] truePositives;
    private final double weight;
    private final double positives;

    private GroupScores(double[] levels, double[] selected, double[] truePositives, double weight, double positives) {
        this.levels = levels;
        this.selected = selected;
        this.truePositives = truePositives;
        this.weight = weight;
        this.positives = positives;
    }

    /** @param order the group's rows sorted by descending score */
    static GroupScores of(int[] order, float[] scores, boolean[] positive, float[] weights) {
        int n = order.length;
        double[] levels = new double[n];
        double[] selected = new double[n + 1];
        double[] truePositives = new double[n + 1];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int row = order[i];
            if (i == 0 || scores[row] != levels[m - 1]) {
                levels[m] = scores[row];
                selected[m + 1] = selected[m];
                truePositives[m + 1] = truePositives[m];
                m++;
            }
            selected[m] += weights[row];
            if (positive[row]) {
                truePositives[m] += weights[row];
            }
        }
        return new GroupScores(java.util.Arrays.copyOf(levels, m), java.util.Arrays.copyOf(selected, m + 1),
                java.util.Arrays.copyOf(truePositives, m + 1), selected[m], truePositives[m]);
    }

    int levels() {
        return levels.length;
    }

    double weight() {
        return weight;
    }

    double positives() {
        return positives;
    }

    /** The rate the constraint equalises when the top k levels are selected. */
    double rate(int k, Constraint constraint) {
        return constraint == Constraint.DEMOGRAPHIC_PARITY ? selected[k] / weight : truePositives[k] / positives;
    }

    /** Weight of correct decisions when the top k levels are selected: true positives and true negatives. */
    double correct(int k) {
        double falsePositives = selected[k] - truePositives[k];
        return truePositives[k] + (weight - positives) - falsePositives;
    }

    /**
     * The threshold that selects exactly the top k levels (a score at or above it is selected): halfway
     * between the last level selected and the next; 0 selects everyone; above 1, no one.
     */
    double threshold(int k) {
        if (k == 0) {
            return Math.nextUp(1.0);
        }
        if (k == levels.length) {
            return 0;
        }
        return (levels[k - 1] + levels[k]) / 2;
    }

    /**
     * The k whose rate is closest to the target; of equally close ones, the more accurate. Rates rise
     * with k but may stay level (a score level of negatives only leaves the TPR as it was), so the
     * candidates are the first k of the level at or above the target and of the level below it:
     * the first k of a level selects the fewest rows for that rate.
     */
    int closest(double target, Constraint constraint) {
        int above = firstAtLeast(target, constraint);
        int best = above <= levels.length ? above : -1;
        if (above > 0) {
            int below = firstAtLeast(rate(above - 1, constraint), constraint);
            if (best < 0 || isBetter(below, best, target, constraint)) {
                best = below;
            }
        }
        return best;
    }

    private boolean isBetter(int k, int other, double target, Constraint constraint) {
        double distance = Math.abs(rate(k, constraint) - target);
        double otherDistance = Math.abs(rate(other, constraint) - target);
        return distance < otherDistance || (distance == otherDistance && correct(k) > correct(other));
    }

    /** The least k whose rate reaches the target, or {@code levels() + 1} when none does. */
    private int firstAtLeast(double target, Constraint constraint) {
        int low = 0;
        int high = levels.length + 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (rate(middle, constraint) < target) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Every rate this group can reach. */
    double[] rates(Constraint constraint) {
        double[] rates = new double[levels.length + 1];
        for (int k = 0; k <= levels.length; k++) {
            rates[k] = rate(k, constraint);
        }
        return rates;
    }
}
