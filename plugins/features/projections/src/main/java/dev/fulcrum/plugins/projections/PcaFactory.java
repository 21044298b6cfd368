package dev.fulcrum.plugins.projections;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureExtractorFactory;
import org.pf4j.Extension;

@Extension
public final class PcaFactory implements FeatureExtractorFactory<PcaParams> {

    @Override
    public String type() {
        return "pca";
    }

    @Override
    public String description() {
        return "Replaces all columns by the training rows' leading principal components (PCA).";
    }

    @Override
    public Class<PcaParams> paramsType() {
        return PcaParams.class;
    }

    @Override
    public FeatureExtractor create(PcaParams params, RunContext context) {
        return new Pca(params);
    }
}
