package dev.fulcrum.plugins.idx;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;

import java.util.List;
import java.util.Map;

/** The idx plugin's jar: one plugin with two data sources, {@code idx} and {@code shifted-idx}. */
class IdxIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "idx";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.DATA, List.of("idx", "shifted-idx"));
    }
}
