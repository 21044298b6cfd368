package dev.fulcrum.plugins.pretrainfinetune;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SharedHostTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real training on synthetic rows with a general and a specific task. */
class PretrainFinetuneTrainingIT extends SharedHostTest {

    static final String PIPELINE = """
            name: pretrain-finetune
            seed: 3
            data:
              specific: {type: synthetic, rows: 1200}
            model: {type: mlp, hidden: [16, 8]}
            strategy:
              type: pretrain-finetune
              pretrain-epochs: 4
              pretrain-batch-size: 32
              pretrain-learning-rate: 0.01
              epochs: 6
              unfreeze-every: 2
              batch-size: 32
              learning-rate: 0.01
            """;

    private RunRecord succeeded(String... overrides) {
        return host().runSucceeding(PIPELINE, overrides);
    }

    @Test
    void preTrainsThenFineTunesAndReportsTheGeneralAccuracyBeforeAndItsDrop() {
        RunRecord run = succeeded();
        JsonNode phases = run.summary().path("training").path("phases");
        assertEquals(List.of("pretrain", "finetune"), List.of(phases.get(0).path("name").asText(), phases.get(1).path("name").asText()));
        assertEquals(4, phases.get(0).path("epochs_run").asInt());
        assertEquals(6, phases.get(1).path("epochs_run").asInt());
        JsonNode balance = run.summary().path("balance");
        assertTrue(balance.path("general_before").isNumber(), balance.toString());
        assertEquals(balance.path("general_before").asDouble() - balance.path("general").asDouble(),
                balance.path("forgetting").asDouble(), 1e-12);
        assertNotEquals(0.0, balance.path("forgetting").asDouble(), "the unfrozen trunk moves, and the general task with it");
        assertEquals(run.metric("test", "general", "accuracy"), balance.path("general").asDouble(), 1e-12);
        assertTrue(balance.path("specific").asDouble() > 0.6 && balance.path("general_before").asDouble() > 0.5, balance.toString());
        List<JsonNode> validation = run.validationLines();
        assertEquals(10, validation.size());
        for (JsonNode line : validation) {
            assertTrue(line.path("metrics").has("specific") && line.path("metrics").has("general"), line.toString());
        }
        assertTrue(host().progress().contains("balance: general test accuracy"), host().progress());
    }

    @Test
    void aFrozenTrunkLeavesTheGeneralTaskExactlyWhereItWas() {
        JsonNode balance = succeeded("strategy.freeze=trunk").summary().path("balance");
        assertEquals(0.0, balance.path("forgetting").asDouble(), balance.toString());
    }

    @Test
    void gradualUnfreezingKeepsTheTrunkFrozenUntilItsEpochComes() {
        JsonNode never = succeeded("strategy.unfreeze-every=100").summary().path("balance");
        assertEquals(0.0, never.path("forgetting").asDouble(), never.toString());
    }

    @Test
    void freezingALayerTheModelDoesNotHaveIsBadInput() {
        assertEquals("strategy.freeze: the model has no trunk layer \"conv-1\"; expected none, trunk, auto or one of [dense-1, dense-2]",
                host().runInvalid(PIPELINE, "strategy.freeze=conv-1").errorMessage());
    }

    @Test
    void freezeAutoScoresTheInputAndEachTrunkLayerAndFreezesAtTheDeepestCutNearTheBest() {
        RunRecord run = succeeded("strategy.freeze=auto");
        JsonNode choice = run.summary().path("training").path("layer_choice");
        assertEquals("logme", choice.path("score").asText());
        assertEquals(0.01, choice.path("tolerance").asDouble());
        JsonNode candidates = choice.path("candidates");
        assertEquals(List.of("input", "dense-1", "dense-2"), List.of(candidates.get(0).path("layer").asText(),
                candidates.get(1).path("layer").asText(), candidates.get(2).path("layer").asText()));
        assertEquals(List.of("none", "dense-1", "dense-2"), List.of(candidates.get(0).path("freeze").asText(),
                candidates.get(1).path("freeze").asText(), candidates.get(2).path("freeze").asText()));
        double[] scores = new double[3];
        for (int i = 0; i < 3; i++) {
            assertTrue(candidates.get(i).path("score").isNumber(), candidates.toString());
            scores[i] = candidates.get(i).path("score").asDouble();
        }
        assertEquals(candidates.get(AutoFreeze.deepestWithinTolerance(scores, 0.01)).path("freeze").asText(),
                choice.path("freeze").asText());
        assertTrue(choice.path("reason").asText().startsWith(candidates.get(AutoFreeze.deepestWithinTolerance(scores, 0.01))
                .path("layer").asText() + " scores "), choice.toString());
        assertTrue(choice.path("rows").asInt() > 0 && choice.path("seconds").asDouble() > 0, choice.toString());
    }

    @Test
    void freezeAutoWithAToleranceWiderThanTheScoresFreezesTheWholeTrunkSoTheGeneralTaskStaysPut() {
        RunRecord run = succeeded("strategy.freeze=auto", "strategy.freeze-score=probe", "strategy.freeze-tolerance=2");
        JsonNode choice = run.summary().path("training").path("layer_choice");
        assertEquals("probe", choice.path("score").asText());
        assertEquals("dense-2", choice.path("freeze").asText());
        for (JsonNode candidate : choice.path("candidates")) {
            double accuracy = candidate.path("score").asDouble();
            assertTrue(accuracy >= 0 && accuracy <= 1, choice.toString());
        }
        assertEquals(0.0, run.summary().path("balance").path("forgetting").asDouble(), run.summary().path("balance").toString());
    }

    @Test
    void aFixedFreezeRecordsNoLayerChoice() {
        assertTrue(succeeded("strategy.freeze=trunk").summary().path("training").path("layer_choice").isNull());
    }

    @Test
    void earlyStoppingOnAMetricThatDoesNotExistIsBadInputListingTheMetrics() {
        assertEquals("early-stopping metric \"specific.auc\" does not exist; validation metrics are general.accuracy, "
                + "general.loss, general.macro_f1, specific.accuracy, specific.loss, specific.macro_f1",
                host().runInvalid(PIPELINE, "strategy.early-stopping={metric: specific.auc}").errorMessage());
    }

    @Test
    void withoutGeneralDataThereIsNothingToPreTrainOn() {
        String error = host().runInvalid(PIPELINE, "data.specific.general-share=0").errorMessage();
        assertTrue(error.startsWith("pretrain-finetune pre-trains on the general task, which has no labelled training rows"), error);
    }
}
