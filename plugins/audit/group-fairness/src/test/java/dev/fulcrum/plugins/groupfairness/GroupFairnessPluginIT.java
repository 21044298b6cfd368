package dev.fulcrum.plugins.groupfairness;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;

import java.util.List;
import java.util.Map;

class GroupFairnessPluginIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "group-fairness";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.AUDIT, List.of("group-fairness"));
    }
}
