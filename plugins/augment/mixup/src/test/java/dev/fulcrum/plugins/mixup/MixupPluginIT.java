package dev.fulcrum.plugins.mixup;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.RunRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class MixupPluginIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "mixup";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.AUGMENT, List.of("mixup"));
    }

    /** Rows are labelled for one task each, so most mixed rows carry part of a label per task. */
    @Test
    void twoTasksLearnFromRowsMixedAcrossTheirLabels() {
        String yaml = """
                name: mixup-it
                seed: 2
                data:
                  specific: {type: synthetic, rows: 800, general-share: 0.5, target-share: 0, label-noise: 0}
                augment:
                  - {type: mixup, alpha: 0.4}
                model: {type: mlp, hidden: [32]}
                strategy: {type: supervised, tasks: [specific, general], epochs: 8, batch-size: 32, learning-rate: 0.005}
                """;
        RunRecord run = host().runSucceeding(yaml);
        String test = run.summary().path("metrics").path("test").toPrettyString();
        assertTrue(run.metric("test", "specific", "accuracy") > 0.7, test);
        assertTrue(run.metric("test", "general", "accuracy") > 0.5, test);
    }
}
