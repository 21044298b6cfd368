package dev.fulcrum.plugins.tabular;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureExtractorFactory;
import org.pf4j.Extension;

@Extension
public final class InteractionsFactory implements FeatureExtractorFactory<InteractionsParams> {

    @Override
    public String type() {
        return "interactions";
    }

    @Override
    public String description() {
        return "Adds the product of every pair of the named numeric columns as a new column.";
    }

    @Override
    public Class<InteractionsParams> paramsType() {
        return InteractionsParams.class;
    }

    @Override
    public FeatureExtractor create(InteractionsParams params, RunContext context) {
        return new Interactions(NamedColumns.require(params.columns(), 2));
    }
}
