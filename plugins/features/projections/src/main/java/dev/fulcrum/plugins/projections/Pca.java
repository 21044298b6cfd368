package dev.fulcrum.plugins.projections;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureTransform;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Map;

/**
 * Principal component analysis on the training rows: the eigenvectors of the sample covariance
 * {@code X_c^T X_c / (n - 1)} (in DOUBLE, through LAPACK's symmetric solver) with the largest
 * eigenvalues. Each component's sign is fixed so that its largest entry is positive (as
 * scikit-learn's {@code svd_flip} fixes it), so a fit does not flip between runs.
 */
final class Pca implements FeatureExtractor {

    static final String MEAN = "mean";
    static final String COMPONENTS = "components";
    static final String SCALE = "scale";

    private final PcaParams params;

    Pca(PcaParams params) {
        this.params = params;
    }

    @Override
    public FeatureTransform fit(Dataset training) {
        INDArray input = Projection.projectedColumns(training, params.columns());
        int n = training.rows();
        int d = input.columns();
        int k = params.components();
        if (k > d) {
            throw new InvalidParamsException("components", "asks for " + k + " components of rows with " + d + " columns");
        }
        if (n < 2) {
            throw new InvalidInputException("pca needs at least 2 training rows, got " + n);
        }
        INDArray rows = input.castTo(DataType.DOUBLE);
        INDArray mean = rows.mean(true, 0);
        INDArray centred = rows.subRowVector(mean);
        INDArray vectors = centred.transpose().mmul(centred).divi(n - 1).dup('c');
        double[] ascending = Eigen.symmetricGeneralizedEigenvalues(vectors, true).toDoubleVector();
        INDArray components = Nd4j.create(DataType.DOUBLE, d, k);
        double[] scale = new double[k];
        for (int c = 0; c < k; c++) {
            int source = d - 1 - c;
            INDArray vector = vectors.getColumn(source).dup();
            double largest = vector.getDouble(Transforms.abs(vector, true).argMax().getInt(0));
            components.putColumn(c, largest < 0 ? vector.negi() : vector);
            scale[c] = params.whiten() ? 1 / Math.sqrt(Math.max(ascending[source], 1e-12)) : 1;
        }
        return transform(mean.castTo(DataType.FLOAT), components.castTo(DataType.FLOAT),
                Nd4j.createFromArray(scale).castTo(DataType.FLOAT).reshape(1, k));
    }

    @Override
    public FeatureTransform restore(Map<String, INDArray> state) {
        return transform(Projection.require(state, MEAN, "pca"), Projection.require(state, COMPONENTS, "pca"),
                Projection.require(state, SCALE, "pca"));
    }

    private FeatureTransform transform(INDArray mean, INDArray components, INDArray scale) {
        return new Projection("pca", params.prefix(), params.columns(), components.rows(),
                rows -> rows.subRowVector(mean).mmul(components).muliRowVector(scale),
                Map.of(MEAN, mean, COMPONENTS, components, SCALE, scale));
    }
}
