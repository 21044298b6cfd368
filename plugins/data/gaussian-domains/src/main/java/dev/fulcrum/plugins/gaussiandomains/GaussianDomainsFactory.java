package dev.fulcrum.plugins.gaussiandomains;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.data.DataSource;
import dev.fulcrum.api.data.DataSourceFactory;
import org.pf4j.Extension;

@Extension
public final class GaussianDomainsFactory implements DataSourceFactory<GaussianDomainsParams> {

    @Override
    public String type() {
        return "gaussian-domains";
    }

    @Override
    public String description() {
        return "Seeded Gaussian rows in a labelled source and a target domain, each with its own mean, covariance and "
                + "label rule; by default the CORAL protocol of the ADAPT library (a covariance shift with a rotated rule).";
    }

    @Override
    public Class<GaussianDomainsParams> paramsType() {
        return GaussianDomainsParams.class;
    }

    @Override
    public DataSource create(GaussianDomainsParams params, RunContext context) {
        long seed = params.seed() != null ? params.seed() : context.seedFor("data/gaussian-domains");
        GaussianDomainsGenerator generator = new GaussianDomainsGenerator(params);
        return () -> generator.generate(seed);
    }
}
