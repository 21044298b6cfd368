package dev.fulcrum.plugins.standardize;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureExtractorFactory;
import org.pf4j.Extension;

@Extension
public final class StandardizeFactory implements FeatureExtractorFactory<StandardizeParams> {

    @Override
    public String type() {
        return "standardize";
    }

    @Override
    public String description() {
        return "Centres and scales features to mean 0 and deviation 1 on the training rows, per column or per image channel.";
    }

    @Override
    public Class<StandardizeParams> paramsType() {
        return StandardizeParams.class;
    }

    @Override
    public FeatureExtractor create(StandardizeParams params, RunContext context) {
        return new Standardizer(params);
    }
}
