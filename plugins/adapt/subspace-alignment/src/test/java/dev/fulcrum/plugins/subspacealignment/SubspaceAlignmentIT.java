package dev.fulcrum.plugins.subspacealignment;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.RunRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubspaceAlignmentIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "subspace-alignment";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.ADAPT, List.of("subspace-alignment"));
    }

    @Test
    void projectsBothDomainsOntoAlignedComponents() {
        RunRecord run = host().runSucceeding("""
                name: subspace-alignment
                seed: 7
                data:
                  specific: {type: synthetic, rows: 1500, features: 8, target-share: 0.5, shift: 1.5}
                adapt:
                  - {type: subspace-alignment, dimensions: 5}
                model: {type: mlp, hidden: [16]}
                strategy: {type: supervised, epochs: 3}
                """);
        assertEquals(5, run.number("data", "features"));
        assertTrue(run.gap("after", "mmd_linear") < run.gap("before", "mmd_linear") / 10, run.summary().path("domain_gap").toString());
    }
}
