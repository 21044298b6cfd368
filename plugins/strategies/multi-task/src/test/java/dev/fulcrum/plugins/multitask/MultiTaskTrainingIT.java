package dev.fulcrum.plugins.multitask;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunStatus;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.testkit.TestHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real training on synthetic rows with a general and a specific task. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiTaskTrainingIT {

    private static final String PIPELINE = """
            name: multi-task
            seed: 5
            data:
              specific: {type: synthetic, rows: 1500, general-share: 0.8}
            model: {type: mlp, hidden: [16, 8]}
            strategy: {type: multi-task, epochs: 4, batch-size: 32, specific-share: 0.25, learning-rate: 0.01}
            """;

    private TestHost host;

    @BeforeAll
    void start() {
        host = TestHost.forBuiltPlugin();
    }

    @AfterAll
    void stop() {
        host.close();
    }

    private static List<JsonNode> lines(RunOutcome outcome, String split) throws IOException {
        return Files.readAllLines(outcome.folder().resolve("metrics.jsonl")).stream().map(line -> {
            try {
                return Json.MAPPER.readTree(line);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).filter(line -> line.path("split").asText().equals(split)).toList();
    }

    @Test
    void oneEpochIsAPassOverTheGeneralRowsWithTheSpecificShareOfEveryBatch() throws IOException {
        RunOutcome outcome = host.run(PIPELINE);
        assertEquals(RunStatus.SUCCEEDED, outcome.status(), outcome.errorMessage());
        JsonNode tasks = outcome.summary().path("data").path("tasks");
        int general = tasks.path("general").path("labelled").path("train").asInt();
        int specific = tasks.path("specific").path("labelled").path("train").asInt();
        // 32 rows a batch, a quarter specific: 24 general rows per batch decide the epoch's length
        int batches = (general + 23) / 24;
        for (JsonNode train : lines(outcome, "train")) {
            assertEquals(general + specific, train.path("rows").asInt());
            assertEquals(batches * 32L, train.path("samples").asLong(), train.toString());
        }
        assertEquals(4, lines(outcome, "validation").size());
        JsonNode balance = outcome.summary().path("balance");
        assertTrue(balance.path("general_before").isNull() && balance.path("forgetting").isNull(),
                "no pre-training, so nothing to forget: " + balance);
        assertTrue(balance.path("specific").asDouble() > 0.6 && balance.path("general").asDouble() > 0.5, balance.toString());
    }

    @Test
    void theShareChangesHowManyBatchesAnEpochTakes() throws IOException {
        RunOutcome outcome = host.run(PIPELINE, "strategy.specific-share=0.5", "strategy.epochs=1");
        assertEquals(RunStatus.SUCCEEDED, outcome.status(), outcome.errorMessage());
        int general = outcome.summary().path("data").path("tasks").path("general").path("labelled").path("train").asInt();
        assertEquals((general + 15) / 16 * 32L, lines(outcome, "train").get(0).path("samples").asLong());
    }

    @Test
    void earlyStoppingOnAMetricThatDoesNotExistIsBadInput() {
        RunOutcome outcome = host.run(PIPELINE, "strategy.early-stopping={metric: general.auc}");
        assertEquals(RunStatus.INVALID_INPUT, outcome.status());
        assertTrue(outcome.errorMessage().startsWith("early-stopping metric \"general.auc\" does not exist; validation metrics are "),
                outcome.errorMessage());
    }

    @Test
    void withoutGeneralDataItSaysWhatIsMissing() {
        RunOutcome outcome = host.run(PIPELINE, "data.specific.general-share=0");
        assertEquals(RunStatus.INVALID_INPUT, outcome.status());
        assertTrue(outcome.errorMessage().contains("configure data.general"), outcome.errorMessage());
    }
}
