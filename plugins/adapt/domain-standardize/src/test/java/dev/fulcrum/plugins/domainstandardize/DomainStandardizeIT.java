package dev.fulcrum.plugins.domainstandardize;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunStatus;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.TestHost;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainStandardizeIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "domain-standardize";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.ADAPT, List.of("domain-standardize"));
    }

    /** The synthetic target is shifted by shift/2 in every feature: per-domain centring removes the mean gap. */
    @Test
    void removesTheMeanShiftOfTheSyntheticTarget() {
        try (TestHost host = TestHost.forBuiltPlugin()) {
            RunOutcome outcome = host.run("""
                    name: domain-standardize
                    seed: 5
                    data:
                      specific: {type: synthetic, rows: 1500, features: 6, target-share: 0.5, shift: 1.5}
                    adapt:
                      - {type: domain-standardize}
                    model: {type: mlp, hidden: [16]}
                    strategy: {type: supervised, epochs: 3}
                    """);
            assertEquals(RunStatus.SUCCEEDED, outcome.status(), outcome.errorMessage());
            var gap = outcome.summary().path("domain_gap");
            assertTrue(gap.path("before").path("mmd_linear").asDouble() > 1, gap.toString());
            assertTrue(gap.path("after").path("mmd_linear").asDouble() < 0.05, gap.toString());
        }
    }
}
