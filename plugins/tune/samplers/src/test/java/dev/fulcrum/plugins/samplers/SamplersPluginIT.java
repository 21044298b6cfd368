package dev.fulcrum.plugins.samplers;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;

import java.util.List;
import java.util.Map;

class SamplersPluginIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "samplers";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.SAMPLER, List.of("random", "grid", "sobol", "nsga2", "tpe"));
    }
}
