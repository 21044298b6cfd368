package dev.fulcrum.core.representation;

import dev.fulcrum.math.representation.LinearCka;
import dev.fulcrum.math.representation.LinearCka.Estimator;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Linear CKA of two representations of the same rows by both estimators; drift is {@code 1 - debiased}. */
public record Similarity(double debiased, double biased) {

    static Similarity of(INDArray x, INDArray y) {
        return new Similarity(LinearCka.of(x, y, Estimator.DEBIASED), LinearCka.of(x, y, Estimator.BIASED));
    }

    /** How far the representation moved: {@code 1 - CKA}, debiased (the biased estimator stays far from 0 when the widths are not small against n). */
    public double drift() {
        return 1 - debiased;
    }
}
