package dev.fulcrum.plugins.tabular;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureExtractorFactory;
import org.pf4j.Extension;

@Extension
public final class OneHotFactory implements FeatureExtractorFactory<OneHotParams> {

    @Override
    public String type() {
        return "one-hot";
    }

    @Override
    public String description() {
        return "Replaces categorical columns by one indicator column per category of the training rows.";
    }

    @Override
    public Class<OneHotParams> paramsType() {
        return OneHotParams.class;
    }

    @Override
    public FeatureExtractor create(OneHotParams params, RunContext context) {
        return new OneHot(NamedColumns.require(params.columns(), 1));
    }
}
