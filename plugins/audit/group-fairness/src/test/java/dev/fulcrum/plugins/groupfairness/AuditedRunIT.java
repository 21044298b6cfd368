package dev.fulcrum.plugins.groupfairness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.cli.ExitCodes;
import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SharedHostTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real pipeline (synthetic biased data, an MLP trained with DL4J) audited by the built plugin, with gates. */
class AuditedRunIT extends SharedHostTest {

    /** Group b's positive labels are 1.5 logits rarer; the model learns that through the proxy feature. */
    static final String PIPELINE = """
            name: audited
            seed: 7
            data:
              specific: {type: synthetic, rows: 2400, general-share: 0.0, target-share: 0.0}
            model: {type: mlp, hidden: [32]}
            strategy: {type: supervised, epochs: 6, batch-size: 64}
            audit:
              - type: group-fairness
                privileged: {group: a}
                bootstrap: 300
                gates:
                  - {metric: disparate_impact, min: 0.8}
                  - {metric: demographic_parity_difference, max: 0.9}
            """;

    private CliResult gated;

    @BeforeAll
    void run() {
        gated = host().cli("run", host().writeFile("pipelines/audited.yaml", PIPELINE).toString());
    }

    @Test
    void aFailedGateExitsWithItsOwnCodeAndSaysByHowMuch() {
        gated.assertExit(ExitCodes.GATE_FAILED).assertErrContains("error: 1 policy gate failed (exit code 3):")
                .assertOutContains("PASS  demographic_parity_difference <= 0.9 [group]");
        assertTrue(gated.err().matches("(?s).*disparate_impact >= 0.8 \\[group]: disparate_impact on group is 0\\.\\d+, "
                + "below the minimum 0.8 by 0\\.\\d+.*"), gated.all());
    }

    @Test
    void theModelIsStillSavedAndTheSummarySaysGateFailed() {
        RunRecord run = host().latestRun();
        assertTrue(Files.isRegularFile(run.model()));
        assertEquals("gate_failed", run.status());
        assertEquals(11, run.number("schema_version"));
        assertTrue(run.summary().path("error").isNull());
        JsonNode gates = run.summary().path("gates");
        assertEquals(2, gates.size());
        assertEquals("audit[0]", gates.get(0).path("auditor").asText());
        assertFalse(gates.get(0).path("passed").asBoolean());
        assertTrue(gates.get(0).path("margin").asDouble() < 0);
        assertEquals(gates.get(0).path("value").asDouble() - 0.8, gates.get(0).path("margin").asDouble(), 1e-9);
    }

    @Test
    void theSummaryHoldsTheCommandAndEachTasksConfusionMatrixAndCalibrationAgreeingWithItsMetrics() {
        JsonNode summary = host().latestRun().summary();
        assertTrue(summary.path("run").path("command").asText().matches("fulcrum run \\S+/pipelines/audited\\.yaml --plugins \\S+ --runs \\S+"),
                summary.path("run").toString());
        for (String split : new String[] {"validation", "test"}) {
            JsonNode specific = summary.path("classes").path(split).path("specific");
            JsonNode confusion = specific.path("confusion");
            assertEquals(2, confusion.size(), specific.toString());
            long total = 0;
            long correct = 0;
            for (int t = 0; t < 2; t++) {
                long row = 0;
                for (int p = 0; p < 2; p++) {
                    row += confusion.get(t).get(p).asLong();
                }
                total += row;
                correct += confusion.get(t).get(t).asLong();
                JsonNode perClass = specific.path("per_class").path(specific.path("labels").get(t).asText());
                assertEquals(row, perClass.path("support").asLong());
                assertEquals((double) confusion.get(t).get(t).asLong() / row, perClass.path("recall").asDouble(), 1e-12);
            }
            JsonNode metrics = summary.path("metrics").path(split).path("specific");
            assertEquals(metrics.path("count").asLong(), total);
            assertEquals(metrics.path("accuracy").asDouble(), (double) correct / total, 1e-12);

            JsonNode calibration = summary.path("calibration").path(split).path("specific");
            assertEquals(metrics.path("loss").asDouble(), calibration.path("nll").asDouble(), 1e-12,
                    "the negative log-likelihood is the loss the metrics report");
            assertEquals(15, calibration.path("bins").size());
            long binned = 0;
            long hits = 0;
            double gap = 0;
            for (JsonNode bin : calibration.path("bins")) {
                binned += bin.path("count").asLong();
                if (bin.path("count").asLong() > 0) {
                    hits += Math.round(bin.path("accuracy").asDouble() * bin.path("count").asLong());
                    gap += bin.path("count").asLong() * Math.abs(bin.path("accuracy").asDouble() - bin.path("confidence").asDouble());
                }
            }
            assertEquals(total, binned);
            assertEquals(correct, hits, "the bins' hits are the confusion matrix's diagonal");
            assertEquals(gap / total, calibration.path("ece").asDouble(), 1e-9);
            double brier = calibration.path("brier").asDouble();
            assertTrue(brier > 0 && brier < 2, calibration.toString());
        }
    }

    @Test
    void theAuditLandsInTheSummaryWithIntervals() {
        JsonNode audit = host().latestRun().summary().path("audit").path("audit[0]");
        assertEquals("specific", audit.path("task").asText());
        assertEquals("positive", audit.path("positive_class").asText());
        JsonNode group = audit.path("groupings").path("group");
        assertEquals("a", group.path("privileged").asText());
        JsonNode di = group.path("headline").path("disparate_impact");
        assertTrue(di.path("ci_low").asDouble() <= di.path("value").asDouble()
                && di.path("value").asDouble() <= di.path("ci_high").asDouble(), di.toString());
        double a = group.path("groups").path("a").path("selection_rate").asDouble();
        double b = group.path("groups").path("b").path("selection_rate").asDouble();
        assertEquals(b / a, di.path("value").asDouble(), 1e-9);
        assertTrue(b < a, "the biased labels should make group b selected less often: " + a + " vs " + b);
    }

    @Test
    void anUnknownGateMetricIsBadConfigNamingTheField() {
        host().cli("validate", host().writeFile("pipelines/typo.yaml",
                PIPELINE.replace("metric: disparate_impact", "metric: disparate_impakt")).toString())
                .assertExit(ExitCodes.BAD_INPUT).assertErrContains("audit[0].gates[0].metric: unknown metric \"disparate_impakt\"; known:");
    }
}
