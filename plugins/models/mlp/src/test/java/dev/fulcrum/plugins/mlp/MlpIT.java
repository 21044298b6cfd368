package dev.fulcrum.plugins.mlp;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;

import java.util.List;
import java.util.Map;

class MlpIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "mlp";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.MODEL, List.of("mlp"));
    }
}
