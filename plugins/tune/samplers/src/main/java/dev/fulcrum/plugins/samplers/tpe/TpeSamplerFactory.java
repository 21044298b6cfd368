package dev.fulcrum.plugins.samplers.tpe;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.tune.Sampler;
import dev.fulcrum.api.tune.SamplerFactory;
import org.pf4j.Extension;

@Extension
public final class TpeSamplerFactory implements SamplerFactory<TpeSamplerParams> {

    @Override
    public String type() {
        return "tpe";
    }

    @Override
    public String description() {
        return "Tree-structured Parzen estimator (Bergstra et al. 2011) with Optuna's defaults: joint kernels over the parameters "
                + "active together, the constant liar for parallel workers, MOTPE for several objectives.";
    }

    @Override
    public Class<TpeSamplerParams> paramsType() {
        return TpeSamplerParams.class;
    }

    @Override
    public Sampler create(TpeSamplerParams params, RunContext context) {
        return new TpeSampler(params);
    }
}
