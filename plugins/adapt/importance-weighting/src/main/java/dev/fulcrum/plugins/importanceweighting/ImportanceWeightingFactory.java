package dev.fulcrum.plugins.importanceweighting;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.adapt.DomainAdapter;
import dev.fulcrum.api.adapt.DomainAdapterFactory;
import org.pf4j.Extension;

@Extension
public final class ImportanceWeightingFactory implements DomainAdapterFactory<ImportanceWeightingParams> {

    @Override
    public String type() {
        return "importance-weighting";
    }

    @Override
    public String description() {
        return "Importance weighting under covariate shift: a logistic domain classifier's odds estimate the density "
                + "ratio p_target(x) / p_source(x), which weights each source row's loss (clipped, mean 1); the "
                + "features stay as they are.";
    }

    @Override
    public Class<ImportanceWeightingParams> paramsType() {
        return ImportanceWeightingParams.class;
    }

    @Override
    public DomainAdapter create(ImportanceWeightingParams params, RunContext context) {
        return new ImportanceWeighting(params.c(), params.clip(), params.iterations());
    }
}
