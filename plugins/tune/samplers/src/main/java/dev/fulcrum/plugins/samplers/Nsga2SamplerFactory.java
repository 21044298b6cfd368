package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.tune.Sampler;
import dev.fulcrum.api.tune.SamplerFactory;
import org.pf4j.Extension;

@Extension
public final class Nsga2SamplerFactory implements SamplerFactory<Nsga2SamplerParams> {

    @Override
    public String type() {
        return "nsga2";
    }

    @Override
    public String description() {
        return "NSGA-II (Deb et al. 2002): generations of population-size complete trials, the first at random, each later trial a"
                + " crossed and mutated child of parents chosen by front and crowding distance; for several objectives.";
    }

    @Override
    public Class<Nsga2SamplerParams> paramsType() {
        return Nsga2SamplerParams.class;
    }

    @Override
    public Sampler create(Nsga2SamplerParams params, RunContext context) {
        return new Nsga2Sampler(params);
    }
}
