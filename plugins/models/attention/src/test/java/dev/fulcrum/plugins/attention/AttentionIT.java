package dev.fulcrum.plugins.attention;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;

import java.util.List;
import java.util.Map;

class AttentionIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "attention";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.MODEL, List.of("attention"));
    }
}
