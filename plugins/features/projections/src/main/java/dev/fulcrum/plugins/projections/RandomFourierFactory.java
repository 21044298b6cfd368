package dev.fulcrum.plugins.projections;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureExtractorFactory;
import org.pf4j.Extension;

@Extension
public final class RandomFourierFactory implements FeatureExtractorFactory<RandomFourierParams> {

    @Override
    public String type() {
        return "random-fourier";
    }

    @Override
    public String description() {
        return "Replaces all columns by random Fourier features whose dot products approximate an RBF kernel.";
    }

    @Override
    public Class<RandomFourierParams> paramsType() {
        return RandomFourierParams.class;
    }

    @Override
    public FeatureExtractor create(RandomFourierParams params, RunContext context) {
        long seed = params.seed() != null ? params.seed() : context.seedFor("features/" + type() + "/" + params.prefix());
        return new RandomFourier(params, seed);
    }
}
