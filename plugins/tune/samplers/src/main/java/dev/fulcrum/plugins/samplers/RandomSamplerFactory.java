package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.tune.Sampler;
import dev.fulcrum.api.tune.SamplerFactory;
import org.pf4j.Extension;

@Extension
public final class RandomSamplerFactory implements SamplerFactory<RandomSamplerParams> {

    @Override
    public String type() {
        return "random";
    }

    @Override
    public String description() {
        return "Draws every parameter independently and uniformly (in log space for log ranges), from the trial's seed.";
    }

    @Override
    public Class<RandomSamplerParams> paramsType() {
        return RandomSamplerParams.class;
    }

    @Override
    public Sampler create(RandomSamplerParams params, RunContext context) {
        return (space, objectives, trials, trialSeed) -> UniformDraws.draw(space, new java.util.SplittableRandom(trialSeed));
    }
}
