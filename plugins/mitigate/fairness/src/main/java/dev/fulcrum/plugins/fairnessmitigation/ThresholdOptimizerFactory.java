package dev.fulcrum.plugins.fairnessmitigation;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.mitigate.Mitigator;
import dev.fulcrum.api.mitigate.MitigatorFactory;
import org.pf4j.Extension;

@Extension
public final class ThresholdOptimizerFactory implements MitigatorFactory<ThresholdOptimizerParams> {

    @Override
    public String type() {
        return "threshold-optimizer";
    }

    @Override
    public String description() {
        return "Post-processing (Hardt et al. 2016): one decision threshold per (intersectional) group, chosen on validation "
                + "data for demographic parity or equal opportunity; deterministic, and saved with the model.";
    }

    @Override
    public Class<ThresholdOptimizerParams> paramsType() {
        return ThresholdOptimizerParams.class;
    }

    @Override
    public Mitigator create(ThresholdOptimizerParams params, RunContext context) {
        return new ThresholdOptimizer(params);
    }
}
