package dev.fulcrum.plugins.dann;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunStatus;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.TestHost;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DannIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "dann";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.STRATEGY, List.of("dann"));
    }

    private static final String PIPELINE = """
            name: dann
            seed: 9
            data:
              specific: {type: synthetic, rows: 1200, features: 6, target-share: 0.5}
            model: {type: mlp, hidden: [16]}
            strategy: {type: dann, epochs: 4, domain-hidden: [8]}
            """;

    /** One phase on labelled and unlabelled rows, with the domain classifier's accuracy and lambda in the log. */
    @Test
    void trainsWithTheScheduleAndLogsTheDomainClassifier() throws IOException {
        try (TestHost host = TestHost.forBuiltPlugin()) {
            RunOutcome outcome = host.run(PIPELINE);
            assertEquals(RunStatus.SUCCEEDED, outcome.status(), outcome.errorMessage());
            assertEquals("dann", outcome.summary().path("training").path("phases").get(0).path("name").asText());
            List<JsonNode> train = new ArrayList<>();
            for (String line : Files.readAllLines(outcome.folder().resolve("metrics.jsonl"))) {
                JsonNode node = new ObjectMapper().readTree(line);
                if (node.path("split").asText().equals("train")) {
                    train.add(node);
                }
            }
            assertEquals(4, train.size());
            // 2 / (1 + exp(-10 p)) - 1 at the end of each of 4 epochs: p = 0.25, 0.5, 0.75, 1.
            double[] expected = {0.848284, 0.986614, 0.998894, 0.999909};
            for (int epoch = 0; epoch < 4; epoch++) {
                assertEquals(expected[epoch], train.get(epoch).path("lambda").asDouble(), 1e-6);
                double accuracy = train.get(epoch).path("domain_classifier_accuracy").asDouble();
                assertTrue(accuracy >= 0 && accuracy <= 1, "domain classifier accuracy " + accuracy);
            }
            JsonNode dataSummary = outcome.summary().path("data");
            assertTrue(dataSummary.path("tasks").path("specific").path("labelled").path("train").asInt()
                    < train.get(0).path("rows").asInt(), "unlabelled target rows train the domain classifier too");
        }
    }

    @Test
    void aModelWithoutTrunkOrDataWithoutTargetIsBadInput() {
        try (TestHost host = TestHost.forBuiltPlugin()) {
            RunOutcome noTrunk = host.run(PIPELINE, "model={type: logistic}");
            assertEquals(RunStatus.INVALID_INPUT, noTrunk.status());
            assertTrue(noTrunk.errorMessage().contains("needs a model with a trunk"), noTrunk.errorMessage());
            RunOutcome oneDomain = host.run(PIPELINE, "data.specific.target-share=0");
            assertEquals(RunStatus.INVALID_INPUT, oneDomain.status());
            assertTrue(oneDomain.errorMessage().contains("all training rows come from one domain"), oneDomain.errorMessage());
        }
    }
}
