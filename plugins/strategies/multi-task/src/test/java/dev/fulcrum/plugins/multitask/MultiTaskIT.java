package dev.fulcrum.plugins.multitask;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;

import java.util.List;
import java.util.Map;

class MultiTaskIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "multi-task";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.STRATEGY, List.of("multi-task"));
    }
}
