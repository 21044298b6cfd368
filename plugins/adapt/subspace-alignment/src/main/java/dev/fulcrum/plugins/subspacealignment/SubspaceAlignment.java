package dev.fulcrum.plugins.subspacealignment;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.adapt.DomainTransform;
import dev.fulcrum.api.adapt.TransformingDomainAdapter;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.math.linalg.SymmetricEigen;
import dev.fulcrum.math.rows.DomainRows;
import dev.fulcrum.math.stats.Covariance;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * "Unsupervised Visual Domain Adaptation Using Subspace Alignment" (Fernando, Habrard, Sebban and
 * Tuytelaars, ICCV 2013, Algorithm 1): {@code Ps} and {@code Pt} hold the {@code d} leading
 * principal directions of the source's and the target's training rows, {@code M = Ps^T Pt};
 * source rows become {@code (x - mean_s) Ps M} and target rows {@code (x - mean_t) Pt}: {@code d}
 * new features, named {@code sa0 .. sa<d-1>}. Each domain is centred on its own mean, as the
 * authors' z-scoring does; put {@code domain-standardize} first to scale as well.
 */
final class SubspaceAlignment implements TransformingDomainAdapter {

    private final int dimensions;

    SubspaceAlignment(int dimensions) {
        this.dimensions = dimensions;
    }

    @Override
    public DomainTransform fit(Dataset data) {
        DomainRows rows = DomainRows.of(data, "subspace-alignment");
        int features = data.schema().featureCount();
        if (dimensions > features) {
            throw new InvalidInputException("subspace-alignment: dimensions is " + dimensions + ", but the data has only "
                    + features + " features; set dimensions to at most " + features);
        }
        if (rows.sourceTraining().length < 2 || rows.targetTraining().length < 2) {
            throw new InvalidInputException("subspace-alignment: needs at least 2 training rows in each domain");
        }
        Basis source = Basis.of(rows.features(rows.sourceTraining()), dimensions);
        Basis target = Basis.of(rows.features(rows.targetTraining()), dimensions);
        INDArray alignedSource = source.directions.mmul(source.directions.transpose().mmul(target.directions));
        return new AlignedProjections(source.mean, alignedSource, target.mean, target.directions);
    }

    @Override
    public DomainTransform restore(Map<String, INDArray> state) {
        return AlignedProjections.restore(state);
    }

    /** A domain's training mean and its leading principal directions as columns. */
    private record Basis(INDArray mean, INDArray directions) {
        static Basis of(INDArray training, int dimensions) {
            return new Basis(Covariance.mean(training), SymmetricEigen.of(Covariance.of(training)).leadingVectors(dimensions));
        }

    }
}
