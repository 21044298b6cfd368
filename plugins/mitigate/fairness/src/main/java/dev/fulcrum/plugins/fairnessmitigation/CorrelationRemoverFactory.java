package dev.fulcrum.plugins.fairnessmitigation;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureExtractorFactory;
import org.pf4j.Extension;

@Extension
public final class CorrelationRemoverFactory implements FeatureExtractorFactory<CorrelationRemoverParams> {

    @Override
    public String type() {
        return "correlation-remover";
    }

    @Override
    public String description() {
        return "Pre-processing (Fairlearn's CorrelationRemover): removes the features' linear correlation with the "
                + "sensitive attributes, fitted on the training rows and replayed at prediction time.";
    }

    @Override
    public Class<CorrelationRemoverParams> paramsType() {
        return CorrelationRemoverParams.class;
    }

    @Override
    public FeatureExtractor create(CorrelationRemoverParams params, RunContext context) {
        return new CorrelationRemover(params);
    }
}
