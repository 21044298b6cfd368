package dev.fulcrum.plugins.layerwise;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.train.TrainingStrategy;
import dev.fulcrum.api.train.TrainingStrategyFactory;
import org.pf4j.Extension;

@Extension
public final class LayerWiseFactory implements TrainingStrategyFactory<LayerWiseParams> {

    @Override
    public String type() {
        return "layer-wise";
    }

    @Override
    public String description() {
        return "Hierarchical training: the trunk in stages from the input side (greedy layer-wise or progressive), "
                + "then the heads on the frozen trunk.";
    }

    @Override
    public Class<LayerWiseParams> paramsType() {
        return LayerWiseParams.class;
    }

    @Override
    public TrainingStrategy create(LayerWiseParams params, RunContext context) {
        return new LayerWise(params);
    }
}
