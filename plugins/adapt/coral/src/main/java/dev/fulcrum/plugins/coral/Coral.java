package dev.fulcrum.plugins.coral;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.adapt.DomainTransform;
import dev.fulcrum.api.adapt.TransformingDomainAdapter;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.math.linalg.SymmetricEigen;
import dev.fulcrum.math.rows.DomainRows;
import dev.fulcrum.math.stats.Covariance;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

/**
 * CORAL, "Return of Frustratingly Easy Domain Adaptation" (Sun, Feng and Saenko, AAAI 2016,
 * Algorithm 1): with {@code Cs = cov(Xs) + lambda I} and {@code Ct = cov(Xt) + lambda I}, source
 * rows become {@code x Cs^-1/2 Ct^1/2}, so their covariance becomes the target's. The covariances
 * come from training rows only; every source row is transformed, target rows are left as they are.
 */
final class Coral implements TransformingDomainAdapter {

    /** Below this ratio of smallest to largest eigenvalue, Cs^-1/2 amplifies rounding noise into the features. */
    private static final double CONDITION_LIMIT = 1e-12;

    private final double regularizer;

    Coral(double regularizer) {
        this.regularizer = regularizer;
    }

    @Override
    public DomainTransform fit(Dataset data) {
        DomainRows rows = DomainRows.of(data, "coral");
        if (rows.sourceTraining().length < 2 || rows.targetTraining().length < 2) {
            throw new InvalidInputException("coral: needs at least 2 training rows in each domain to estimate covariances");
        }
        return new CoralMap(map(Covariance.of(rows.features(rows.sourceTraining())), Covariance.of(rows.features(rows.targetTraining()))));
    }

    @Override
    public DomainTransform restore(Map<String, INDArray> state) {
        return CoralMap.restore(state);
    }

    /** {@code A = (Cs + lambda I)^-1/2 (Ct + lambda I)^1/2}, so that {@code A^T (Cs + lambda I) A = Ct + lambda I}. */
    INDArray map(INDArray sourceCovariance, INDArray targetCovariance) {
        INDArray identity = Nd4j.eye(sourceCovariance.rows()).castTo(DataType.DOUBLE).muli(regularizer);
        SymmetricEigen source = SymmetricEigen.of(sourceCovariance.add(identity));
        if (!(source.smallest() > CONDITION_LIMIT * source.largest())) {
            throw new InvalidInputException("coral: the source covariance is singular or nearly so (eigenvalues from "
                    + source.largest() + " down to " + source.smallest() + "), e.g. because a feature is constant; "
                    + "set regularizer above 0, e.g. 1 on standardised features");
        }
        return source.power(-0.5).mmul(SymmetricEigen.of(targetCovariance.add(identity)).power(0.5));
    }
}
