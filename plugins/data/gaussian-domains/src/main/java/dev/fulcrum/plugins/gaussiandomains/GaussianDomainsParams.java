package dev.fulcrum.plugins.gaussiandomains;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

import java.util.List;

public record GaussianDomainsParams(
        @Doc("the labelled source domain; by default N(0, diag(0.001, 1)), positive where x1 > 0 (ADAPT's CORAL protocol)")
        GaussianDomain source,
        @Doc("the target domain, whose labels the host hides from training; by default N(0, [[0.1, 0.2], [0.2, 0.5]]), "
                + "positive where x1 - 0.5 x0 > 0")
        GaussianDomain target,
        @Doc("seed of this data; by default derived from the run's seed") Long seed) {

    public GaussianDomainsParams {
        source = (source == null ? GaussianDomain.ADAPT_SOURCE : source).orElse(GaussianDomain.ADAPT_SOURCE);
        target = (target == null ? GaussianDomain.ADAPT_TARGET : target).orElse(GaussianDomain.ADAPT_TARGET);
        check("source", source, source.dimensions());
        check("target", target, source.dimensions());
    }

    private static void check(String name, GaussianDomain domain, int dimensions) {
        if (domain.mean().isEmpty() || domain.mean().size() != dimensions) {
            throw new InvalidParamsException(name + ".mean", "must have " + dimensions
                    + " entries (the source's mean sets the number of features), got " + domain.mean().size());
        }
        requireLength(name + ".label-weights", domain.labelWeights(), dimensions);
        requireLength(name + ".label-quadratic", domain.labelQuadratic(), dimensions);
        List<List<Double>> covariance = domain.covariance();
        if (covariance.size() != dimensions || covariance.stream().anyMatch(row -> row.size() != dimensions)) {
            throw new InvalidParamsException(name + ".covariance", "must be a " + dimensions + " x " + dimensions + " matrix");
        }
        for (int i = 0; i < dimensions; i++) {
            for (int j = 0; j < i; j++) {
                if (!covariance.get(i).get(j).equals(covariance.get(j).get(i))) {
                    throw new InvalidParamsException(name + ".covariance", "must be symmetric, but entry [" + i + "][" + j
                            + "] is " + covariance.get(i).get(j) + " and [" + j + "][" + i + "] is " + covariance.get(j).get(i));
                }
            }
        }
    }

    private static void requireLength(String field, List<Double> values, int dimensions) {
        if (values.size() != dimensions) {
            throw new InvalidParamsException(field, "must have " + dimensions + " entries, got " + values.size());
        }
    }
}
