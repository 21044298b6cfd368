package dev.fulcrum.plugins.domainstandardize;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.RunRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

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
        RunRecord run = host().runSucceeding("""
                name: domain-standardize
                seed: 5
                data:
                  specific: {type: synthetic, rows: 1500, features: 6, target-share: 0.5, shift: 1.5}
                adapt:
                  - {type: domain-standardize}
                model: {type: mlp, hidden: [16]}
                strategy: {type: supervised, epochs: 3}
                """);
        String gap = run.summary().path("domain_gap").toString();
        assertTrue(run.gap("before", "mmd_linear") > 1, gap);
        assertTrue(run.gap("after", "mmd_linear") < 0.05, gap);
    }
}
