package dev.fulcrum.plugins.layerwise;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;

import java.util.List;
import java.util.Map;

class LayerWiseIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "layer-wise";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.STRATEGY, List.of("layer-wise"));
    }
}
