package dev.fulcrum.math.representation;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/** The checks every score here makes of its rows and labels. */
final class RowLabels {

    private RowLabels() {
    }

    static void check(INDArray rows, int[] labels, int classes) {
        if (rows.rank() != 2 || rows.rows() != labels.length) {
            throw new IllegalArgumentException("expected " + labels.length + " rows (one per label) x columns, got shape "
                    + Arrays.toString(rows.shape()));
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("no rows to score");
        }
        if (classes < 2) {
            throw new IllegalArgumentException("a classification task needs at least 2 classes, got " + classes);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("row " + i + ": label " + labels[i] + " is not one of " + classes + " classes");
            }
        }
    }
}
