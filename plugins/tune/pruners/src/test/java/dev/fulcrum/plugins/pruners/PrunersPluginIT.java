package dev.fulcrum.plugins.pruners;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;

import java.util.List;
import java.util.Map;

class PrunersPluginIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "pruners";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.PRUNER, List.of("none", "median", "asha"));
    }
}
