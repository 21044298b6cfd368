package dev.fulcrum.plugins.samplers.tpe;

import dev.fulcrum.api.tune.Sampler;
import dev.fulcrum.testkit.ParamsYaml;
import dev.fulcrum.testkit.SamplerContract;

/** The contract's studies run 16 to 24 trials, so TPE models the history after its 10 start-up trials. */
class TpeSamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler() {
        return new TpeSamplerFactory().create(ParamsYaml.bind(TpeSamplerParams.class, "{}"), null);
    }
}
