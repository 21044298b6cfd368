package dev.fulcrum.plugins.groupfairness;

import dev.fulcrum.api.InvalidInputException;

/**
 * The one pass over the rows: per intersectional group and per (label, prediction) cell, the number
 * of rows, their total weight and their total squared weight. Every metric of every grouping, and
 * every bootstrap resample, is computed from these few cells instead of from the rows.
 */
final class CellCounts {

    /** Cells per group: index {@code 4 * group + 2 * (label is positive) + (prediction is positive)}. */
    static final int PER_GROUP = 4;

    final int groups;
    final long[] rows;
    final double[] weight;
    final double[] weightSquared;

    private CellCounts(int groups) {
        this.groups = groups;
        this.rows = new long[groups * PER_GROUP];
        this.weight = new double[groups * PER_GROUP];
        this.weightSquared = new double[groups * PER_GROUP];
    }

    /**
     * @param groupOfRow the intersectional group of each row, from 0 to {@code groups - 1}
     * @param positive   the index of the positive class
     */
    static CellCounts count(int[] groupOfRow, int groups, int[] labels, int[] predictions, float[] weights, int positive) {
        CellCounts counts = new CellCounts(groups);
        long[] rows = counts.rows;
        double[] weight = counts.weight;
        double[] weightSquared = counts.weightSquared;
        for (int i = 0; i < labels.length; i++) {
            double w = weights[i];
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new InvalidInputException("row " + (i + 1) + " has sample weight " + weights[i]
                        + "; weights must be finite and not negative");
            }
            int cell = groupOfRow[i] * PER_GROUP + (labels[i] == positive ? 2 : 0) + (predictions[i] == positive ? 1 : 0);
            rows[cell]++;
            weight[cell] += w;
            weightSquared[cell] += w * w;
        }
        return counts;
    }

    /** The confusion counts of one intersectional group, from the given cell rows and weights. */
    static Confusion confusion(long[] rows, double[] weight, int group) {
        int base = group * PER_GROUP;
        return new Confusion(rows[base] + rows[base + 1] + rows[base + 2] + rows[base + 3],
                weight[base + 3], weight[base + 1], weight[base + 2], weight[base]);
    }

    /** The confusion counts of all rows. */
    static Confusion total(long[] rows, double[] weight) {
        Confusion total = Confusion.EMPTY;
        for (int g = 0; g < rows.length / PER_GROUP; g++) {
            total = total.plus(confusion(rows, weight, g));
        }
        return total;
    }
}
