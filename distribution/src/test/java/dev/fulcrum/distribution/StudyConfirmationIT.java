package dev.fulcrum.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.tune.SelectRule;
import dev.fulcrum.core.tune.StudyConfirmation;
import dev.fulcrum.runtime.Seeds;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigPath;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SharedHostTest;
import dev.fulcrum.testkit.TestHost;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.fulcrum.distribution.StudyFixture.OBJECTIVES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --confirm K}: each front trial run again with K more seeds, their mean and spread reported. */
class StudyConfirmationIT extends SharedHostTest {

    @Override
    protected TestHost createHost() {
        return TestHost.withJars(Launcher.pluginJars());
    }

    @Test
    void eachFrontTrialRunsWithTwoMoreSeedsAndParetoJsonShowsTheirMeanAndSpread() throws IOException {
        StudyFixture fixture = new StudyFixture(host(), "confirmed-study");
        SelectRule select = SelectRule.read(ConfigDocument.parse("select: {max: specific.accuracy}", "test"),
                ConfigPath.parse("select"));
        StudyConfirmation.run(host().host(), fixture.study, 2, StudyFixture.QUIET, OBJECTIVES, select, fixture.trials);

        JsonNode confirmation = Json.MAPPER.readTree(fixture.study.resolve("confirmation.json").toFile());
        assertEquals(1, confirmation.path("schema_version").asInt());
        assertEquals(2, confirmation.path("seeds").asInt());
        JsonNode trials = confirmation.path("trials");
        assertEquals(2, trials.size(), confirmation::toPrettyString);
        RunRecord[] originals = {fixture.specificRun, fixture.generalRun};
        for (int t = 0; t < 2; t++) {
            JsonNode trial = trials.get(t);
            assertEquals(t, trial.path("trial").asInt());
            JsonNode runs = trial.path("runs");
            assertEquals(3, runs.size(), trial::toPrettyString);
            List<RunRecord> records = new ArrayList<>(List.of(originals[t]));
            assertEquals(StudyFixture.SEED, runs.get(0).path("seed").asLong());
            for (int k = 1; k <= 2; k++) {
                JsonNode run = runs.get(k);
                assertEquals(Seeds.derive(StudyFixture.SEED, "confirm-" + k), run.path("seed").asLong());
                assertEquals("succeeded", run.path("status").asText());
                Path folder = fixture.study.resolve(run.path("run_folder").asText());
                assertTrue(folder.startsWith(fixture.study.resolve("confirm").resolve("trial-" + t)), folder.toString());
                RunRecord record = RunRecord.at(folder);
                assertEquals(run.path("seed").asLong(), record.summary().at("/run/seed").asLong());
                records.add(record);
            }
            for (String metric : List.of("validation.specific.accuracy", "validation.general.loss", "test.specific.macro_f1")) {
                String[] path = metric.split("\\.");
                double[] expected = records.stream().mapToDouble(r -> r.metric(path[0], path[1], path[2])).toArray();
                JsonNode measured = trial.path("metrics").path(metric);
                for (int i = 0; i < 3; i++) {
                    assertEquals(expected[i], measured.path("values").get(i).asDouble(), metric + " of run " + i);
                }
                double mean = (expected[0] + expected[1] + expected[2]) / 3;
                double variance = 0;
                for (double value : expected) {
                    variance += (value - mean) * (value - mean) / 2;
                }
                assertEquals(mean, measured.path("mean").asDouble(), 1e-12, metric);
                assertEquals(Math.sqrt(variance), measured.path("std").asDouble(), 1e-12, metric);
            }
        }

        JsonNode front = Json.MAPPER.readTree(fixture.study.resolve("pareto.json").toFile()).path("front");
        for (int t = 0; t < 2; t++) {
            JsonNode confirmed = front.get(t).path("confirmation");
            assertEquals(3, confirmed.path("runs").asInt(), front::toPrettyString);
            JsonNode spread = trials.get(t).path("metrics").path("validation.specific.accuracy");
            assertEquals(spread.path("mean"), confirmed.path("metrics").path("validation.specific.accuracy").path("mean"));
            assertEquals(spread.path("std"), confirmed.path("metrics").path("validation.specific.accuracy").path("std"));
        }
        assertTrue(front.get(0).path("confirmation").path("metrics").has("test.specific.accuracy"), "trial 0 is selected");
        front.get(1).path("confirmation").path("metrics").fieldNames().forEachRemaining(metric ->
                assertFalse(metric.startsWith("test."), metric + " of trial 1, which is not selected"));
    }
}
