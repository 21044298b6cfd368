package dev.fulcrum.plugins.tabular;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureExtractorFactory;
import org.pf4j.Extension;

@Extension
public final class BucketizeFactory implements FeatureExtractorFactory<BucketizeParams> {

    @Override
    public String type() {
        return "bucketize";
    }

    @Override
    public String description() {
        return "Replaces numeric columns by indicators of value buckets, with edges from the training rows' quantiles or range.";
    }

    @Override
    public Class<BucketizeParams> paramsType() {
        return BucketizeParams.class;
    }

    @Override
    public FeatureExtractor create(BucketizeParams params, RunContext context) {
        NamedColumns.require(params.columns(), 1);
        return new Bucketize(params);
    }
}
