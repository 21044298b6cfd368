package dev.fulcrum.plugins.gaussiannoise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunStatus;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.TestHost;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void theNoiseReachesTraining() throws IOException {
        try (TestHost host = TestHost.forBuiltPlugin()) {
            RunOutcome quiet = host.run(PIPELINE.formatted("0.0"));
            RunOutcome noisy = host.run(PIPELINE.formatted("3.0"));
            for (RunOutcome outcome : List.of(quiet, noisy)) {
                assertEquals(RunStatus.SUCCEEDED, outcome.status(), outcome.summary().toPrettyString());
            }
            assertTrue(firstTrainingLoss(noisy) > firstTrainingLoss(quiet) + 0.05,
                    "noise of deviation 3 makes the training rows harder: " + firstTrainingLoss(noisy) + " vs " + firstTrainingLoss(quiet));
        }
    }

    private static double firstTrainingLoss(RunOutcome outcome) throws IOException {
        for (String line : Files.readAllLines(outcome.folder().resolve("metrics.jsonl"))) {
            JsonNode epoch = Json.MAPPER.readTree(line);
            if (epoch.path("split").asText().equals("train")) {
                return epoch.path("loss").asDouble();
            }
        }
        throw new AssertionError("no training line in metrics.jsonl");
    }
}
