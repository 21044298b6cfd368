package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.tune.Sampler;
import dev.fulcrum.api.tune.SamplerFactory;
import org.pf4j.Extension;

@Extension
public final class GridSamplerFactory implements SamplerFactory<GridSamplerParams> {

    @Override
    public String type() {
        return "grid";
    }

    @Override
    public String description() {
        return "Runs every combination of the space's values once (a float needs a step), in an order shuffled from the study's seed;"
                + " when all are taken, re-runs those whose trials all failed, then repeats the grid from its start.";
    }

    @Override
    public Class<GridSamplerParams> paramsType() {
        return GridSamplerParams.class;
    }

    @Override
    public Sampler create(GridSamplerParams params, RunContext context) {
        return new GridSampler(params.shuffle() ? context.seedFor("sampler/grid/order") : null);
    }
}
