package dev.fulcrum.plugins.multitask;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SharedHostTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real training on synthetic rows with a general and a specific task. */
class MultiTaskTrainingIT extends SharedHostTest {

    private static final String PIPELINE = """
            name: multi-task
            seed: 5
            data:
              specific: {type: synthetic, rows: 1500, general-share: 0.8}
            model: {type: mlp, hidden: [16, 8]}
            strategy: {type: multi-task, epochs: 4, batch-size: 32, specific-share: 0.25, learning-rate: 0.01}
            """;

    @Test
    void oneEpochIsAPassOverTheGeneralRowsWithTheSpecificShareOfEveryBatch() {
        RunRecord run = host().runSucceeding(PIPELINE);
        JsonNode tasks = run.summary().path("data").path("tasks");
        int general = tasks.path("general").path("labelled").path("train").asInt();
        int specific = tasks.path("specific").path("labelled").path("train").asInt();
        // 32 rows a batch, a quarter specific: 24 general rows per batch decide the epoch's length
        int batches = (general + 23) / 24;
        List<JsonNode> trainLines = run.trainLines();
        assertEquals(4, trainLines.size());
        for (JsonNode train : trainLines) {
            assertEquals(general + specific, train.path("rows").asInt());
            assertEquals(batches * 32L, train.path("samples").asLong(), train.toString());
        }
        assertEquals(4, run.validationLines().size());
        JsonNode balance = run.summary().path("balance");
        assertTrue(balance.path("general_before").isNull() && balance.path("forgetting").isNull(),
                "no pre-training, so nothing to forget: " + balance);
        assertTrue(balance.path("specific").asDouble() > 0.6 && balance.path("general").asDouble() > 0.5, balance.toString());
    }

    @Test
    void theShareChangesHowManyBatchesAnEpochTakes() {
        RunRecord run = host().runSucceeding(PIPELINE, "strategy.specific-share=0.5", "strategy.epochs=1");
        int general = run.summary().path("data").path("tasks").path("general").path("labelled").path("train").asInt();
        assertEquals((general + 15) / 16 * 32L, run.trainLines().get(0).path("samples").asLong());
    }

    @Test
    void earlyStoppingOnAMetricThatDoesNotExistIsBadInput() {
        String error = host().runInvalid(PIPELINE, "strategy.early-stopping={metric: general.auc}").errorMessage();
        assertTrue(error.startsWith("early-stopping metric \"general.auc\" does not exist; validation metrics are "), error);
    }

    @Test
    void withoutGeneralDataItSaysWhatIsMissing() {
        String error = host().runInvalid(PIPELINE, "data.specific.general-share=0").errorMessage();
        assertTrue(error.contains("configure data.general"), error);
    }

    @Test
    void averageEndsThePhaseAtItsSwaAndTheSummarySaysWhatItChanged() {
        RunRecord run = host().runSucceeding(PIPELINE, "strategy.average={epochs: 2}");
        JsonNode averaging = run.summary().path("training").path("phases").get(0).path("averaging");
        assertEquals("swa", averaging.path("type").asText());
        assertEquals(2, averaging.path("epochs_averaged").asInt());
        JsonNode lastEpoch = run.validationLines().get(3).path("metrics");
        for (String task : List.of("specific", "general")) {
            assertEquals(lastEpoch.path(task).path("accuracy").asDouble(),
                    averaging.path("validation_before").path(task).path("accuracy").asDouble(), 1e-12, task + ": before is the last epoch");
            assertEquals(run.metric("validation", task, "accuracy"),
                    averaging.path("validation_after").path(task).path("accuracy").asDouble(), 1e-12, task + ": after is the run's model");
        }
        assertTrue(host().runSucceeding(PIPELINE).summary().path("training").path("phases").get(0).path("averaging").isNull());
    }
}
