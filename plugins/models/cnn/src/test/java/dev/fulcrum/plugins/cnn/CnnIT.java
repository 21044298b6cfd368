package dev.fulcrum.plugins.cnn;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;

import java.util.List;
import java.util.Map;

class CnnIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "cnn";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.MODEL, List.of("cnn"));
    }
}
