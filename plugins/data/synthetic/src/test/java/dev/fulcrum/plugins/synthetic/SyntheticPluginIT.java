package dev.fulcrum.plugins.synthetic;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;

import java.util.List;
import java.util.Map;

class SyntheticPluginIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "synthetic";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.DATA, List.of("synthetic"));
    }
}
