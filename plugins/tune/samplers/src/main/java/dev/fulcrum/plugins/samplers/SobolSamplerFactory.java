package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.tune.Sampler;
import dev.fulcrum.api.tune.SamplerFactory;
import org.pf4j.Extension;

@Extension
public final class SobolSamplerFactory implements SamplerFactory<SobolSamplerParams> {

    @Override
    public String type() {
        return "sobol";
    }

    @Override
    public String description() {
        return "Quasi-random search: trial n takes point n of the Sobol sequence, which covers the space more evenly than random"
                + " points, shifted by a random vector from the study's seed.";
    }

    @Override
    public Class<SobolSamplerParams> paramsType() {
        return SobolSamplerParams.class;
    }

    @Override
    public Sampler create(SobolSamplerParams params, RunContext context) {
        long shiftSeed = params.scramble() ? context.seedFor("sampler/sobol/shift") : 0;
        return new SobolSampler(params.scramble(), shiftSeed, params.skip());
    }
}
