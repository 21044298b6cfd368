package dev.fulcrum.plugins.dann;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.RunRecord;
import org.junit.jupiter.api.Test;

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
    void trainsWithTheScheduleAndLogsTheDomainClassifier() {
        RunRecord run = host().runSucceeding(PIPELINE);
        assertEquals("dann", run.summary().path("training").path("phases").get(0).path("name").asText());
        List<JsonNode> train = run.trainLines();
        assertEquals(4, train.size());
        // 2 / (1 + exp(-10 p)) - 1 at the end of each of 4 epochs: p = 0.25, 0.5, 0.75, 1.
        double[] expected = {0.848284, 0.986614, 0.998894, 0.999909};
        for (int epoch = 0; epoch < 4; epoch++) {
            assertEquals(expected[epoch], train.get(epoch).path("lambda").asDouble(), 1e-6);
            double accuracy = train.get(epoch).path("domain_classifier_accuracy").asDouble();
            assertTrue(accuracy >= 0 && accuracy <= 1, "domain classifier accuracy " + accuracy);
        }
        assertTrue(run.number("data", "tasks", "specific", "labelled", "train") < train.get(0).path("rows").asInt(),
                "unlabelled target rows train the domain classifier too");
    }

    @Test
    void aModelWithoutTrunkOrDataWithoutTargetIsBadInput() {
        String noTrunk = host().runInvalid(PIPELINE, "model={type: logistic}").errorMessage();
        assertTrue(noTrunk.contains("needs a model with a trunk"), noTrunk);
        String oneDomain = host().runInvalid(PIPELINE, "data.specific.target-share=0").errorMessage();
        assertTrue(oneDomain.contains("all training rows come from one domain"), oneDomain);
    }
}
