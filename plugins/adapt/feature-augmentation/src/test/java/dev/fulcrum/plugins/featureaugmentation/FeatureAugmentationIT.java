package dev.fulcrum.plugins.featureaugmentation;

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

class FeatureAugmentationIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "feature-augmentation";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.ADAPT, List.of("feature-augmentation"));
    }

    private static final String PIPELINE = """
            name: feature-augmentation
            seed: 6
            data:
              specific: {type: synthetic, rows: 1500, features: 6, target-share: 0.5}
            split: {target-labelled: 0.2}
            adapt:
              - {type: feature-augmentation}
            model: {type: mlp, hidden: [16]}
            strategy: {type: supervised, epochs: 3}
            """;

    @Test
    void triplesTheFeaturesWithSomeTargetLabels() {
        try (TestHost host = TestHost.forBuiltPlugin()) {
            RunOutcome outcome = host.run(PIPELINE);
            assertEquals(RunStatus.SUCCEEDED, outcome.status(), outcome.errorMessage());
            assertEquals(18, outcome.summary().path("data").path("features").asInt());
        }
    }

    @Test
    void withoutTargetLabelsSaysWhatToSet() {
        try (TestHost host = TestHost.forBuiltPlugin()) {
            RunOutcome outcome = host.run(PIPELINE, "split.target-labelled=0");
            assertEquals(RunStatus.INVALID_INPUT, outcome.status());
            assertTrue(outcome.errorMessage().contains("split.target-labelled"), outcome.errorMessage());
        }
    }
}
