package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.tune.Sampler;
import dev.fulcrum.testkit.SamplerContract;

class RandomSamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler() {
        return new RandomSamplerFactory().create(new RandomSamplerParams(), null);
    }
}
