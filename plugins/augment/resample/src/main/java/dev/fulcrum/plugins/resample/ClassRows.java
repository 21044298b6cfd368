package dev.fulcrum.plugins.resample;

import dev.fulcrum.api.augment.Batch;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a batch that carry a whole label for one task (mask 1, one-hot target), by class.
 * Rows already mixed by another augmenter have partial labels and are left out, so resampling
 * belongs before mixing in the augment list.
 */
final class ClassRows {

    private final List<int[]> rowsByClass;

    private ClassRows(List<int[]> rowsByClass) {
        this.rowsByClass = rowsByClass;
    }

    static ClassRows of(Batch rows, String task) {
        INDArray target = rows.target(task);
        float[] mask = rows.mask(task).toFloatVector();
        int[] label = target.argMax(1).toIntVector();
        float[] top = target.max(1).toFloatVector();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < target.columns(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (int row = 0; row < mask.length; row++) {
            if (mask[row] == 1f && top[row] == 1f) {
                byClass.get(label[row]).add(row);
            }
        }
        return new ClassRows(byClass.stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray()).toList());
    }

    int classes() {
        return rowsByClass.size();
    }

    int[] rows(int label) {
        return rowsByClass.get(label);
    }

    /**
     * How many rows a class lacks to hold {@code ratio} times the rows of the largest class; 0 for a
     * class with no rows, since there is nothing to draw from.
     */
    int shortfall(int label, double ratio) {
        int largest = rowsByClass.stream().mapToInt(r -> r.length).max().orElse(0);
        int count = rows(label).length;
        return count == 0 ? 0 : Math.max(0, (int) Math.ceil(ratio * largest) - count);
    }
}
