package dev.fulcrum.math.random;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded k-fold assignment stratified by label: each class's rows are shuffled and dealt to the folds in turn, so
 * every fold holds floor(n_c / k) or ceil(n_c / k) rows of each class c. The deal of each class starts where the
 * previous class's ended, so the folds' sizes differ by at most one.
 */
public final class StratifiedFolds {

    private StratifiedFolds() {
    }

    /**
     * @param labels each row's class, in {@code [0, classes)}
     * @return each row's fold, in {@code [0, folds)}
     * @throws IllegalArgumentException where {@code folds < 2} or a present class has fewer rows than folds
     */
    public static int[] assign(int[] labels, int classes, int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-fitting needs at least 2 folds, got " + folds);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int row = 0; row < labels.length; row++) {
            byClass.get(labels[row]).add(row);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] fold = new int[labels.length];
        int next = 0;
        for (int c = 0; c < classes; c++) {
            List<Integer> rows = byClass.get(c);
            if (!rows.isEmpty() && rows.size() < folds) {
                throw new IllegalArgumentException("class " + c + " has " + rows.size() + " rows, fewer than the " + folds + " folds");
            }
            int[] order = RandomArrays.permutation(rows.size(), random);
            for (int i : order) {
                fold[rows.get(i)] = next;
                next = (next + 1) % folds;
            }
        }
        return fold;
    }
}
