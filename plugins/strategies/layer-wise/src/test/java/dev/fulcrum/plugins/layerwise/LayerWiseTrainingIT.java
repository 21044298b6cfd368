package dev.fulcrum.plugins.layerwise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SharedHostTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real training on synthetic rows with a general and a specific task. */
class LayerWiseTrainingIT extends SharedHostTest {

    private static final String PIPELINE = """
            name: layer-wise
            seed: 8
            data:
              specific: {type: synthetic, rows: 1500}
            model: {type: mlp, hidden: [16, 8]}
            strategy: {type: layer-wise, stage-epochs: 2, batch-size: 32, head-epochs: 4}
            """;

    private RunRecord succeeded(String... overrides) {
        return host().runSucceeding(PIPELINE, overrides);
    }

    private static List<String> phases(RunRecord run) {
        return StreamSupport.stream(run.summary().path("training").path("phases").spliterator(), false)
                .map(phase -> phase.path("name").asText()).toList();
    }

    @Test
    void trainsOneStagePerTrunkLayerThenTheHeads() {
        RunRecord run = succeeded();
        assertEquals(List.of("stage-1", "stage-2", "heads"), phases(run));
        JsonNode balance = run.summary().path("balance");
        assertTrue(balance.path("general_before").isNull(), "the stages trained the specific task too: " + balance);
        assertTrue(balance.path("specific").asDouble() > 0.6, balance.toString());
        assertFalse(run.files().contains("theta0.zip"), "no general-only stretch, no theta_0: " + run.files());
    }

    @Test
    void aGeneralOnlyStretchKeepsThetaZeroAsTheHeadsStageStarts() {
        RunRecord run = succeeded("strategy.tasks=[general]");
        assertTrue(run.files().contains("theta0.zip"), run.files().toString());
        assertTrue(run.summary().path("interpolation").isNull());
    }

    @Test
    void stagesOnGeneralDataThenTheSpecificHeadOnTheFrozenTrunkForgetNothing() {
        JsonNode balance = succeeded("strategy.tasks=[general]", "strategy.mode=greedy").summary().path("balance");
        assertTrue(balance.path("general_before").isNumber(), balance.toString());
        assertEquals(0.0, balance.path("forgetting").asDouble(), balance.toString());
    }

    @Test
    void namedStagesGroupLayers() {
        assertEquals(List.of("stage-1"), phases(succeeded("strategy.stages=[dense-2]", "strategy.head-epochs=0")));
    }

    @Test
    void aStageEndingAtALayerTheModelDoesNotHaveIsBadInput() {
        assertEquals("strategy.stages: the model has no trunk layer \"dense-3\"; trunk layers are [dense-1, dense-2]",
                host().runInvalid(PIPELINE, "strategy.stages=[dense-1, dense-3]").errorMessage());
    }
}
