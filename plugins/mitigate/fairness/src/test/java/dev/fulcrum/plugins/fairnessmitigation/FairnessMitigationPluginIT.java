package dev.fulcrum.plugins.fairnessmitigation;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;

import java.util.List;
import java.util.Map;

class FairnessMitigationPluginIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "fairness-mitigation";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.MITIGATE, List.of("reweighing", "threshold-optimizer"),
                Family.FEATURES, List.of("correlation-remover"));
    }
}
