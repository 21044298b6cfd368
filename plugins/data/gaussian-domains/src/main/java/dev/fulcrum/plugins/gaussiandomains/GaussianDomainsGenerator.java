package dev.fulcrum.plugins.gaussiandomains;

import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.math.linalg.SymmetricEigen;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws {@code x = mean + z C^1/2} with {@code z ~ N(0, I)}, using the symmetric square root of the
 * covariance so that singular covariances work too; source rows first, then target rows.
 */
final class GaussianDomainsGenerator {

    /** Eigenvalues this far below zero, relative to the largest, are not rounding error. */
    private static final double NEGATIVE_TOLERANCE = 1e-9;

    private final GaussianDomainsParams params;
    private final INDArray sourceRoot;
    private final INDArray targetRoot;

    GaussianDomainsGenerator(GaussianDomainsParams params) {
        this.params = params;
        this.sourceRoot = squareRoot("source.covariance", params.source());
        this.targetRoot = squareRoot("target.covariance", params.target());
    }

    private static INDArray squareRoot(String field, GaussianDomain domain) {
        SymmetricEigen eigen = SymmetricEigen.of(matrix(domain.covariance()));
        if (eigen.smallest() < -NEGATIVE_TOLERANCE * Math.max(1, eigen.largest())) {
            throw new InvalidParamsException(field, "must be positive semi-definite, but has eigenvalue " + eigen.smallest());
        }
        return eigen.power(0.5);
    }

    Dataset generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        GaussianDomain source = params.source();
        GaussianDomain target = params.target();
        INDArray sourceRows = draw(source, sourceRoot, random);
        INDArray targetRows = draw(target, targetRoot, random);
        int n = source.rows() + target.rows();
        int[] labels = new int[n];
        int[] domains = new int[n];
        System.arraycopy(label(source, sourceRows), 0, labels, 0, source.rows());
        System.arraycopy(label(target, targetRows), 0, labels, source.rows(), target.rows());
        java.util.Arrays.fill(domains, source.rows(), n, 1);
        Schema schema = new Schema(Schema.numberedFeatures("x", source.dimensions(), "gaussian-domains"),
                List.of(new Task(Tasks.SPECIFIC, List.of("negative", "positive"))), List.of(Domains.SOURCE, Domains.TARGET), null);
        return Dataset.builder(schema, Nd4j.vstack(sourceRows, targetRows).castTo(DataType.FLOAT))
                .labels(Tasks.SPECIFIC, labels)
                .domains(domains)
                .ids("gaussian-domains#", 0)
                .build();
    }

    private static INDArray draw(GaussianDomain domain, INDArray root, SplittableRandom random) {
        int d = domain.dimensions();
        double[] z = new double[domain.rows() * d];
        for (int i = 0; i < z.length; i++) {
            z[i] = random.nextGaussian();
        }
        return Nd4j.create(z, new long[] {domain.rows(), d}).mmul(root).addiRowVector(vector(domain.mean()));
    }

    private static int[] label(GaussianDomain domain, INDArray rows) {
        INDArray score = rows.mmul(vector(domain.labelWeights()).reshape(-1, 1))
                .addi(rows.mul(rows).mmul(vector(domain.labelQuadratic()).reshape(-1, 1)))
                .addi(domain.labelBias());
        return score.gt(0).castTo(DataType.INT32).toIntVector();
    }

    private static INDArray vector(List<Double> values) {
        return Nd4j.create(values.stream().mapToDouble(Double::doubleValue).toArray(), new long[] {1, values.size()});
    }

    private static INDArray matrix(List<List<Double>> rows) {
        return Nd4j.create(rows.stream().map(row -> row.stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new));
    }
}
