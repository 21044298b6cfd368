package dev.fulcrum.plugins.gaussiandomains;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.params.AtLeast;

import java.util.List;

/**
 * One domain: rows drawn from {@code N(mean, covariance)}, labelled positive where
 * {@code label-weights . x + label-quadratic . x^2 + label-bias > 0}. A component left out takes
 * the value of the domain's default (ADAPT's CORAL protocol).
 */
public record GaussianDomain(
        @Doc("number of rows") @AtLeast(1) Integer rows,
        @Doc("mean vector") List<Double> mean,
        @Doc("covariance matrix, symmetric positive semi-definite, one list per row") List<List<Double>> covariance,
        @Doc("linear coefficients of the label rule") List<Double> labelWeights,
        @Doc("coefficients of the squared features in the label rule") List<Double> labelQuadratic,
        @Doc("constant of the label rule") Double labelBias) {

    public GaussianDomain {
        mean = mean == null ? null : List.copyOf(mean);
        covariance = covariance == null ? null : covariance.stream().map(List::copyOf).toList();
        labelWeights = labelWeights == null ? null : List.copyOf(labelWeights);
        labelQuadratic = labelQuadratic == null ? null : List.copyOf(labelQuadratic);
    }

    /** ADAPT's CORAL protocol, source side: N(0, diag(0.001, 1)), positive where x1 > 0. */
    static final GaussianDomain ADAPT_SOURCE = new GaussianDomain(1000, List.of(0.0, 0.0),
            List.of(List.of(0.001, 0.0), List.of(0.0, 1.0)), List.of(0.0, 1.0), List.of(0.0, 0.0), 0.0);

    /** ADAPT's CORAL protocol, target side: N(0, [[0.1, 0.2], [0.2, 0.5]]), positive where x1 - 0.5 x0 > 0. */
    static final GaussianDomain ADAPT_TARGET = new GaussianDomain(1000, List.of(0.0, 0.0),
            List.of(List.of(0.1, 0.2), List.of(0.2, 0.5)), List.of(-0.5, 1.0), List.of(0.0, 0.0), 0.0);

    /** This domain with every missing component taken from {@code defaults}. */
    GaussianDomain orElse(GaussianDomain defaults) {
        return new GaussianDomain(rows == null ? defaults.rows : rows, mean == null ? defaults.mean : mean,
                covariance == null ? defaults.covariance : covariance,
                labelWeights == null ? defaults.labelWeights : labelWeights,
                labelQuadratic == null ? defaults.labelQuadratic : labelQuadratic,
                labelBias == null ? defaults.labelBias : labelBias);
    }

    int dimensions() {
        return mean.size();
    }
}
