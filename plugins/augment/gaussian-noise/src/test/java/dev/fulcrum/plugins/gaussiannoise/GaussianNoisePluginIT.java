package dev.fulcrum.plugins.gaussiannoise;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.RunRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class GaussianNoisePluginIT extends PluginContract {

    private static final String PIPELINE = """
            name: noise-it
            seed: 5
            data:
              specific: {type: synthetic, rows: 500, general-share: 0}
            augment:
              - {type: gaussian-noise, std: %s}
            model: {type: mlp, hidden: [16]}
            strategy: {type: supervised, epochs: 1, batch-size: 50}
            """;

    @Override
    protected String pluginId() {
        return "gaussian-noise";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.AUGMENT, List.of("gaussian-noise"));
    }

    @Test
    void theNoiseReachesTraining() {
        double quiet = firstTrainingLoss(host().runSucceeding(PIPELINE.formatted("0.0")));
        double noisy = firstTrainingLoss(host().runSucceeding(PIPELINE.formatted("3.0")));
        assertTrue(noisy > quiet + 0.05, "noise of deviation 3 makes the training rows harder: " + noisy + " vs " + quiet);
    }

    private static double firstTrainingLoss(RunRecord run) {
        return run.trainLines().get(0).path("loss").asDouble();
    }
}
